import type { PoolScalingHistory } from '@worker-platform/plugin-worker-platform-common';
import {
  queueKey,
  scalingEvents,
  summarizeScaling,
  timelineRows,
} from './scalingTimeline';

// Local times, so the expected clock readings hold in any time zone.
const at = (hour: number, minute: number) =>
  new Date(2026, 11, 4, hour, minute).getTime();
const iso = (hour: number, minute: number) =>
  new Date(at(hour, minute)).toISOString();
const NOW = at(11, 0);
const FROM = at(10, 0);

const gpu = (
  points: Array<[number, number, number, number, Array<number | null>]>,
  recordedSince = iso(9, 0),
): PoolScalingHistory => ({
  name: 'gpu',
  queues: [
    { queue: 'pro', targetLength: 3 },
    { queue: 'free', targetLength: 10 },
  ],
  recordedSince,
  points: points.map(([hour, minute, desired, ready, depths]) => ({
    at: iso(hour, minute),
    desired,
    ready,
    depths,
  })),
});

describe('timelineRows', () => {
  it('reaches the right edge with the last values and keeps unknown depths as gaps', () => {
    const rows = timelineRows(
      gpu([
        [10, 0, 0, 0, [0, 0]],
        [10, 40, 0, 0, [null, null]],
        [10, 42, 6, 2, [4, 37]],
      ]),
      FROM,
      NOW,
    );
    expect(rows.map(r => r.t)).toEqual([FROM, at(10, 40), at(10, 42), NOW]);
    expect(rows[1][queueKey('free')]).toBeNull();
    expect(rows[3]).toMatchObject({ desired: 6, ready: 2 });
    expect(rows[3][queueKey('free')]).toBe(37);
  });

  it('draws nothing before the first point (a restarted backend), not a zero', () => {
    const rows = timelineRows(
      gpu([[10, 30, 4, 4, [1, 1]]], iso(10, 30)),
      FROM,
      NOW,
    );
    expect(rows.map(r => r.t)).toEqual([at(10, 30), NOW]);
    expect(timelineRows(gpu([]), FROM, NOW)).toEqual([]);
  });
});

describe('summarizeScaling', () => {
  it('names each change with the queue that drove it', () => {
    const pool = gpu([
      [10, 0, 0, 0, [0, 0]],
      [10, 41, 0, 0, [2, 37]],
      [10, 42, 6, 6, [2, 37]],
      [10, 55, 0, 0, [0, 0]],
    ]);
    expect(scalingEvents(pool).map(e => [e.from, e.to])).toEqual([
      [0, 6],
      [6, 0],
    ]);
    expect(summarizeScaling(pool, FROM, 60)).toBe(
      'Scaled 0 → 6 at 10:42 when free reached 37/10; scaled 6 → 0 at 10:55 when the queues were empty.',
    );
  });

  it('names no queue when none held work, and the fullest one on a partial drain', () => {
    const pool = gpu([
      [10, 0, 2, 2, [null, null]],
      [10, 10, 4, 4, [0, 0]],
      [10, 20, 1, 1, [0, 4]],
    ]);
    expect(summarizeScaling(pool, FROM, 60)).toBe(
      'Scaled 2 → 4 at 10:10; scaled 4 → 1 at 10:20 with free at 4/10.',
    );
  });

  it('says a pool that never scaled held still, and since when it is known', () => {
    expect(summarizeScaling(gpu([[9, 0, 0, 0, [0, 0]]]), FROM, 60)).toBe(
      'Held at 0 replicas for the last 60 minutes.',
    );
    expect(
      summarizeScaling(gpu([[10, 20, 2, 2, [0, 0]]], iso(10, 20)), FROM, 60),
    ).toBe('Held at 2 replicas since 10:20 (recorded since then).');
    expect(summarizeScaling(gpu([]), FROM, 60)).toBe(
      'No replica or queue changes recorded in the last 60 minutes.',
    );
  });

  it('tells replicas that restart (ready below desired) and keeps the last three changes', () => {
    const pool = gpu([
      [10, 0, 0, 0, [0, 0]],
      [10, 10, 2, 2, [5, 0]],
      [10, 20, 4, 4, [9, 0]],
      [10, 30, 6, 6, [12, 0]],
      [10, 40, 8, 8, [20, 0]],
      [10, 50, 8, 5, [20, 0]],
    ]);
    expect(summarizeScaling(pool, FROM, 60)).toBe(
      'Scaled 2 → 4 at 10:20 when pro reached 9/3; scaled 4 → 6 at 10:30 when pro reached 12/3; scaled 6 → 8 at 10:40 when pro reached 20/3 (and 1 earlier change). 5 of 8 replicas ready now.',
    );
  });
});
