import { ScalingHistoryRing } from './ScalingHistoryRing';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const point = (minute: number, desired: number, depth: number | null = 0) => ({
  at: T0 + minute * 60_000,
  desired,
  ready: desired,
  depths: [depth, 1],
});

describe('ScalingHistoryRing', () => {
  it('never holds more than its capacity: the oldest points go first', () => {
    const ring = new ScalingHistoryRing(['free', 'pro'], 4);
    const bytes = ring.byteLength;
    for (let minute = 0; minute < 10; minute++)
      ring.push(point(minute, minute));
    expect(ring.size).toBe(4);
    expect(ring.byteLength).toBe(bytes);
    expect(ring.since(0).map(p => p.desired)).toEqual([6, 7, 8, 9]);
    expect(ring.last()?.desired).toBe(9);
  });

  it('costs 8 bytes per point plus 4 per queue, allocated up front', () => {
    expect(new ScalingHistoryRing(['a', 'b', 'c'], 720).byteLength).toBe(
      720 * (8 + 3 * 4),
    );
    expect(() => new ScalingHistoryRing(['a'], 0)).toThrow(RangeError);
  });

  it('reads a window with the state at its left edge and unknown depths as null', () => {
    const ring = new ScalingHistoryRing(['free', 'pro'], 10);
    ring.push(point(0, 0, null));
    ring.push(point(5, 3, 37));
    ring.push(point(20, 6, 12.5));
    const window = ring.since(T0 + 10 * 60_000);
    expect(window).toEqual([
      { at: T0 + 10 * 60_000, desired: 3, ready: 3, depths: [37, 1] },
      { at: T0 + 20 * 60_000, desired: 6, ready: 6, depths: [12.5, 1] },
    ]);
    expect(ring.since(T0)[0].depths).toEqual([null, 1]);
    expect(ring.since(T0 + 30 * 60_000)).toEqual([
      { at: T0 + 30 * 60_000, desired: 6, ready: 6, depths: [12.5, 1] },
    ]);
  });

  it('clamps replicas into what two bytes hold', () => {
    const ring = new ScalingHistoryRing([], 2);
    ring.push({ at: T0, desired: 70_000, ready: -1, depths: [] });
    expect(ring.last()).toEqual({
      at: T0,
      desired: 65_535,
      ready: 0,
      depths: [],
    });
  });
});
