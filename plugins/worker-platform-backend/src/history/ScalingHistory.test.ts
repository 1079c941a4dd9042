import { ScalingHistory } from './ScalingHistory';
import { PoolSample } from './samplePools';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const gpu = (desired: number, free: number | null): PoolSample => ({
  environment: 'production',
  pool: 'gpu',
  queues: [
    { queue: 'free', targetLength: 10 },
    { queue: 'pro', targetLength: 5 },
  ],
  desired,
  ready: desired,
  depths: [free, 0],
});

describe('ScalingHistory', () => {
  it('adds a point only when the pool changed', () => {
    const history = new ScalingHistory();
    expect(history.record('svc', [gpu(0, 0)], T0)).toBe(true);
    expect(history.record('svc', [gpu(0, 0)], T0 + 10_000)).toBe(false);
    expect(history.record('svc', [gpu(0, 37)], T0 + 20_000)).toBe(true);
    expect(history.record('svc', [gpu(6, 37)], T0 + 30_000)).toBe(true);
    const [production] = history.read('svc', T0);
    expect(production.name).toBe('production');
    expect(production.pools[0]).toMatchObject({
      name: 'gpu',
      queues: [
        { queue: 'free', targetLength: 10 },
        { queue: 'pro', targetLength: 5 },
      ],
      recordedSince: '2026-12-04T10:00:00.000Z',
    });
    expect(
      production.pools[0].points.map(p => [p.desired, p.depths[0]]),
    ).toEqual([
      [0, 0],
      [0, 37],
      [6, 37],
    ]);
  });

  it('keeps at most `capacity` points per pool and `maxEntities` entities', () => {
    const history = new ScalingHistory({ capacity: 360, maxEntities: 2 });
    for (let i = 0; i < 1000; i++) {
      history.record('a', [gpu(i % 20, i)], T0 + i * 10_000);
    }
    expect(history.read('a', 0)[0].pools[0].points).toHaveLength(360);
    expect(history.ringBytes).toBe(360 * (8 + 2 * 4));
    history.record('b', [gpu(1, 1)], T0);
    history.record('c', [gpu(1, 1)], T0);
    expect(history.entityCount).toBe(2);
    expect(history.read('a', 0)).toEqual([]);
  });

  it('starts a pool over when its queues change', () => {
    const history = new ScalingHistory();
    history.record('svc', [gpu(2, 5)], T0);
    history.record(
      'svc',
      [
        {
          ...gpu(2, 5),
          queues: [{ queue: 'free', targetLength: 10 }],
          depths: [5],
        },
      ],
      T0 + 60_000,
    );
    const pool = history.read('svc', 0)[0].pools[0];
    expect(pool.queues).toEqual([{ queue: 'free', targetLength: 10 }]);
    expect(pool.points).toHaveLength(1);
    expect(pool.recordedSince).toBe('2026-12-04T10:01:00.000Z');
  });
});
