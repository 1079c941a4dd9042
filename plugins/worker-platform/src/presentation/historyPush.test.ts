import type {
  EntityScalingHistory,
  HistoryPointsSignal,
  PushedScalingPoint,
} from '@worker-platform/plugin-worker-platform-common';
import { scalingHistory } from '../__fixtures__/scalingHistory';
import { appendPushedPoints } from './historyPush';

const history = scalingHistory;
// The fixture's production gpu ends at 14:05 (6 replicas).
const LAST_GPU_AT = '2026-11-28T14:05:00.000Z';

const push = (...points: PushedScalingPoint[]): HistoryPointsSignal => ({
  type: 'history-points',
  entityRef: history.entityRef,
  environment: 'production',
  points,
});
const gpuPoint = (
  at: string,
  previousAt: string | null,
  desired: number,
): PushedScalingPoint => ({
  pool: 'gpu',
  previousAt,
  at,
  desired,
  ready: desired,
  depths: [0, 4],
});
const gpuOf = (result: EntityScalingHistory | 'refetch') => {
  if (result === 'refetch') throw new Error('expected a history');
  return result.environments
    .find(e => e.name === 'production')!
    .pools.find(p => p.name === 'gpu')!;
};

describe('appendPushedPoints', () => {
  it('appends points that chain to the last one and moves the right edge', () => {
    const result = appendPushedPoints(
      history,
      push(
        gpuPoint('2026-11-28T14:31:00.000Z', LAST_GPU_AT, 2),
        gpuPoint('2026-11-28T14:32:00.000Z', '2026-11-28T14:31:00.000Z', 0),
      ),
    );
    expect(
      gpuOf(result)
        .points.slice(-3)
        .map(p => p.desired),
    ).toEqual([6, 2, 0]);
    expect(result !== 'refetch' && result.generatedAt).toBe(
      '2026-11-28T14:32:00.000Z',
    );
    // The input is left alone.
    expect(gpuOf(history).points.at(-1)!.at).toBe(LAST_GPU_AT);
  });

  it('asks for a refetch when a point was missed', () => {
    expect(
      appendPushedPoints(
        history,
        push(
          gpuPoint('2026-11-28T14:32:00.000Z', '2026-11-28T14:31:00.000Z', 0),
        ),
      ),
    ).toBe('refetch');
  });

  it('asks for a refetch for a pool or environment it does not have, or a pool that started over', () => {
    expect(
      appendPushedPoints(history, {
        ...push(gpuPoint('2026-11-28T14:31:00.000Z', LAST_GPU_AT, 1)),
        environment: 'qa',
      }),
    ).toBe('refetch');
    expect(
      appendPushedPoints(
        history,
        push({ ...gpuPoint('2026-11-28T14:31:00.000Z', null, 1), pool: 'new' }),
      ),
    ).toBe('refetch');
    expect(
      appendPushedPoints(
        history,
        push(gpuPoint('2026-11-28T14:31:00.000Z', null, 1)),
      ),
    ).toBe('refetch');
  });

  it('skips a point the fetched history already has', () => {
    const last = gpuOf(history).points.at(-1)!;
    const result = appendPushedPoints(
      history,
      push({ ...last, pool: 'gpu', previousAt: '2026-11-28T14:02:00.000Z' }),
    );
    expect(gpuOf(result).points).toEqual(gpuOf(history).points);
  });

  it('chains to a point the route moved to the left edge of the window', () => {
    const edge: EntityScalingHistory = {
      ...history,
      environments: [
        {
          name: 'production',
          pools: [
            {
              ...gpuOf(history),
              // Recorded at 13:10, served at the window's start.
              points: [
                { ...gpuOf(history).points[0], at: '2026-11-28T13:30:00.000Z' },
              ],
            },
          ],
        },
      ],
    };
    const result = appendPushedPoints(
      edge,
      push(gpuPoint('2026-11-28T14:31:00.000Z', '2026-11-28T13:10:00.000Z', 3)),
    );
    expect(gpuOf(result).points.map(p => p.desired)).toEqual([0, 3]);
  });

  it('drops points that left the window, all but the state at its left edge', () => {
    const result = appendPushedPoints(
      history,
      push(gpuPoint('2026-11-28T15:03:00.000Z', LAST_GPU_AT, 1)),
    );
    // The window is now 14:03–15:03: 14:02 holds the state at 14:03.
    expect(gpuOf(result).points.map(p => p.at)).toEqual([
      '2026-11-28T14:02:00.000Z',
      LAST_GPU_AT,
      '2026-11-28T15:03:00.000Z',
    ]);
  });
});
