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
    expect(history.record('svc', [gpu(0, 0)], T0)).toHaveLength(1);
    expect(history.record('svc', [gpu(0, 0)], T0 + 10_000)).toEqual([]);
    expect(history.record('svc', [gpu(0, 37)], T0 + 20_000)).toHaveLength(1);
    expect(history.record('svc', [gpu(6, 37)], T0 + 30_000)).toHaveLength(1);
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

  it('returns each added point as the route serves it, chained to the one before', () => {
    const history = new ScalingHistory();
    const [first] = history.record('svc', [gpu(0, 0)], T0 + 400);
    expect(first).toEqual({
      environment: 'production',
      pool: 'gpu',
      previousAt: null,
      point: { at: T0, desired: 0, ready: 0, depths: [0, 0] },
    });
    const [second] = history.record('svc', [gpu(3, 0.1)], T0 + 10_700);
    expect(second.previousAt).toBe(T0);
    // Whole seconds and float32, exactly what a later read returns.
    expect(second.point).toEqual({
      at: T0 + 10_000,
      desired: 3,
      ready: 3,
      depths: [Math.fround(0.1), 0],
    });
    const served = history.read('svc', T0)[0].pools[0].points.at(-1)!;
    expect(Date.parse(served.at)).toBe(second.point.at);
    expect(served.depths).toEqual(second.point.depths);
    // A pool whose queues changed starts over: nothing to chain to.
    const [restarted] = history.record(
      'svc',
      [
        {
          ...gpu(3, 1),
          queues: [{ queue: 'free', targetLength: 10 }],
          depths: [1],
        },
      ],
      T0 + 20_000,
    );
    expect(restarted.previousAt).toBeNull();
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
