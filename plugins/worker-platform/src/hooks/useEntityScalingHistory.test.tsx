import type { Entity } from '@backstage/catalog-model';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { act, renderHook, waitFor } from '@testing-library/react';
import type {
  EntityScalingHistory,
  HistoryPointsSignal,
} from '@worker-platform/plugin-worker-platform-common';
import type { ReactNode } from 'react';
import { scalingHistory } from '../__fixtures__/scalingHistory';
import { workerPlatformApiRef, type WorkerPlatformApi } from '../api';
import {
  PUSH_GRACE_MS,
  useEntityScalingHistory,
} from './useEntityScalingHistory';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
};
const CHANNEL = 'worker-platform:status:component:default/pingvasai';
const history = scalingHistory;
const LAST_GPU_AT = '2026-11-28T14:05:00.000Z';

const points = (previousAt: string, desired: number): HistoryPointsSignal => ({
  type: 'history-points',
  entityRef: 'component:default/pingvasai',
  environment: 'production',
  points: [
    {
      pool: 'gpu',
      previousAt,
      at: '2026-11-28T14:31:00.000Z',
      desired,
      ready: desired,
      depths: [0, 9],
    },
  ],
});

/** Signals delivering every message to every subscriber of its channel. */
function createFakeSignals() {
  const subscribers = new Map<string, Set<(message: object) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: object) => void);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage as any) };
    },
  };
  return {
    api,
    publish: (message: object) =>
      act(() => subscribers.get(CHANNEL)?.forEach(fn => fn(message))),
  };
}

function render(getEntityScalingHistory: jest.Mock, signals: SignalApi) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [
          workerPlatformApiRef,
          { getEntityScalingHistory } as unknown as WorkerPlatformApi,
        ],
        [signalApiRef, signals],
      ]}
    >
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useEntityScalingHistory(entity), { wrapper });
}

const gpuPoints = (state?: EntityScalingHistory) =>
  state?.environments
    .find(e => e.name === 'production')!
    .pools.find(p => p.name === 'gpu')!
    .points.map(p => p.desired);

describe('useEntityScalingHistory', () => {
  it('appends pushed points without a refetch', async () => {
    const signals = createFakeSignals();
    const get = jest.fn().mockResolvedValue(history);
    const { result } = render(get, signals.api);
    await waitFor(() => expect(result.current.history).toBe(history));

    await signals.publish({ entityRef: 'component:default/pingvasai' });
    await signals.publish(points(LAST_GPU_AT, 2));

    expect(gpuPoints(result.current.history)).toEqual([0, 0, 6, 6, 2]);
    // The status change came with its push: no refetch after the grace.
    await new Promise(resolve => setTimeout(resolve, PUSH_GRACE_MS + 200));
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('refetches when a pushed point does not chain to the last one held', async () => {
    const signals = createFakeSignals();
    const refetched = {
      ...history,
      generatedAt: '2026-11-28T14:40:00.000Z',
    };
    const get = jest
      .fn()
      .mockResolvedValueOnce(history)
      .mockResolvedValueOnce(refetched);
    const { result } = render(get, signals.api);
    await waitFor(() => expect(result.current.history).toBe(history));

    // A point after one this page never received (a reconnect lost it).
    await signals.publish(points('2026-11-28T14:20:00.000Z', 4));

    await waitFor(() => expect(result.current.history).toBe(refetched));
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('refetches when a status change comes without a push', async () => {
    const signals = createFakeSignals();
    const get = jest.fn().mockResolvedValue(history);
    const { result } = render(get, signals.api);
    await waitFor(() => expect(result.current.history).toBe(history));

    // The backend restarted and no longer knows this page reads the chart.
    await signals.publish({ entityRef: 'component:default/pingvasai' });
    expect(get).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2), {
      timeout: PUSH_GRACE_MS + 1000,
    });
  });

  it('applies a push that arrives during a read once the read answers', async () => {
    const signals = createFakeSignals();
    let answer: (value: EntityScalingHistory) => void = () => {};
    const get = jest.fn(
      () =>
        new Promise<EntityScalingHistory>(resolve => {
          answer = resolve;
        }),
    );
    const { result } = render(get, signals.api);
    await signals.publish(points(LAST_GPU_AT, 7));
    await act(async () => answer(history));

    await waitFor(() =>
      expect(gpuPoints(result.current.history)).toEqual([0, 0, 6, 6, 7]),
    );
    expect(get).toHaveBeenCalledTimes(1);
  });
});
