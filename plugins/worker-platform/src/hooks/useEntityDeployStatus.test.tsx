import type { Entity } from '@backstage/catalog-model';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';
import type { ReactNode } from 'react';
import { allStates } from '../__fixtures__/allStates';
import { clusterUnreachable } from '../__fixtures__/clusterUnreachable';
import { workerPlatformApiRef, type WorkerPlatformApi } from '../api';
import {
  POLL_INTERVAL_MS,
  useEntityDeployStatus,
} from './useEntityDeployStatus';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
};
const first = allStates;
const second = clusterUnreachable;

/** A Signals API that lets the test publish on any channel. */
function createFakeSignals() {
  const subscribers = new Map<string, (message: object) => void>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      subscribers.set(channel, onMessage as (message: object) => void);
      return { unsubscribe: () => subscribers.delete(channel) };
    },
  };
  return {
    api,
    channels: () => [...subscribers.keys()],
    publish: (channel: string, message: object) =>
      act(() => subscribers.get(channel)?.(message)),
  };
}

function render(
  api: Pick<WorkerPlatformApi, 'getEntityDeployStatus'>,
  signals?: SignalApi,
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [workerPlatformApiRef, api as WorkerPlatformApi],
        ...(signals ? [[signalApiRef, signals] as const] : []),
      ]}
    >
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useEntityDeployStatus(entity), { wrapper });
}

describe('useEntityDeployStatus', () => {
  afterEach(() => jest.useRealTimers());

  it('loads the status of the entity by its ref', async () => {
    const api = { getEntityDeployStatus: jest.fn().mockResolvedValue(first) };

    const { result } = render(api, createFakeSignals().api);

    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.status).toBe(first));
    expect(result.current).toMatchObject({ loading: false, updates: 'push' });
    expect(api.getEntityDeployStatus).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'pingvasai' },
      { signal: expect.any(AbortSignal) },
    );
  });

  it('refetches when the backend signals a change for the entity', async () => {
    const signals = createFakeSignals();
    const api = {
      getEntityDeployStatus: jest
        .fn()
        .mockResolvedValueOnce(first)
        .mockResolvedValueOnce(second),
    };
    const { result } = render(api, signals.api);
    await waitFor(() => expect(result.current.status).toBe(first));
    expect(signals.channels()).toEqual([
      'worker-platform:status:component:default/pingvasai',
    ]);

    signals.publish('worker-platform:status:component:default/pingvasai', {
      entityRef: 'component:default/pingvasai',
    });

    await waitFor(() => expect(result.current.status).toBe(second));
  });

  it('does not poll while signals are available', async () => {
    jest.useFakeTimers();
    const api = { getEntityDeployStatus: jest.fn().mockResolvedValue(first) };
    const { result } = render(api, createFakeSignals().api);
    await waitFor(() => expect(result.current.status).toBe(first));

    await act(async () => {
      jest.advanceTimersByTime(3 * POLL_INTERVAL_MS);
    });

    expect(api.getEntityDeployStatus).toHaveBeenCalledTimes(1);
  });

  it('polls every 30 s when signals are not installed', async () => {
    jest.useFakeTimers();
    const api = { getEntityDeployStatus: jest.fn().mockResolvedValue(first) };
    const { result } = render(api);
    await waitFor(() => expect(result.current.status).toBe(first));
    expect(result.current.updates).toBe('polling');

    await act(async () => {
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
    });
    expect(api.getEntityDeployStatus).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
    });
    expect(api.getEntityDeployStatus).toHaveBeenCalledTimes(3);
  });

  it('keeps the last status when a refresh fails, and retries on a timer', async () => {
    jest.useFakeTimers();
    const signals = createFakeSignals();
    const api = {
      getEntityDeployStatus: jest
        .fn()
        .mockResolvedValueOnce(first)
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(second),
    };
    const { result } = render(api, signals.api);
    await waitFor(() => expect(result.current.status).toBe(first));

    signals.publish('worker-platform:status:component:default/pingvasai', {});
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.status).toBe(first);

    await act(async () => {
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
    });
    await waitFor(() => expect(result.current.status).toBe(second));
    expect(result.current.error).toBeUndefined();
  });

  it('ignores an answer that a newer request overtook', async () => {
    const signals = createFakeSignals();
    let answerSlowRequest: (status: EntityDeployStatus) => void = () => {};
    const api = {
      getEntityDeployStatus: jest
        .fn()
        .mockImplementationOnce(
          () => new Promise(resolve => (answerSlowRequest = resolve)),
        )
        .mockResolvedValueOnce(second),
    };
    const { result } = render(api, signals.api);

    signals.publish('worker-platform:status:component:default/pingvasai', {});
    await waitFor(() => expect(result.current.status).toBe(second));
    await act(async () => answerSlowRequest(first));

    expect(result.current.status).toBe(second);
  });
});
