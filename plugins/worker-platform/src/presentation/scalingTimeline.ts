import type {
  PoolScalingHistory,
  ScalingPoint,
} from '@worker-platform/plugin-worker-platform-common';

/** One row of a pool's chart: replicas and each queue's depth from `t` on. */
export interface TimelineRow {
  /** Epoch milliseconds. */
  t: number;
  desired: number | null;
  ready: number | null;
  /** Depth per queue name; null draws a gap. */
  [queue: string]: number | null;
}

/** A change of the desired replica count. */
export interface ScalingEvent {
  at: number;
  from: number;
  to: number;
  /** The fullest queue (relative to its target) at that moment, if any held work. */
  queue?: { name: string; depth: number; target: number | null };
  /** Every known depth was zero: the queues were empty. */
  queuesEmpty: boolean;
}

/** Key under which a queue's depth sits in a {@link TimelineRow}. */
export const queueKey = (queue: string) => `queue:${queue}`;

/**
 * The rows a step chart draws for a pool over `[from, to]`: one per point,
 * plus one at `to` holding the last values, so the lines reach the right
 * edge. Before the first point (the backend started recording later, or the
 * pool is new) there is no row at all: the chart shows nothing rather than a
 * made-up zero. Unknown depths stay null and break their line.
 */
export function timelineRows(
  pool: PoolScalingHistory,
  from: number,
  to: number,
): TimelineRow[] {
  const rows = pool.points
    .map(point => rowOf(pool, point))
    .filter(row => row.t <= to)
    .map(row => (row.t < from ? { ...row, t: from } : row));
  if (rows.length > 0 && rows[rows.length - 1].t < to) {
    rows.push({ ...rows[rows.length - 1], t: to });
  }
  return rows;
}

function rowOf(pool: PoolScalingHistory, point: ScalingPoint): TimelineRow {
  const row: TimelineRow = {
    t: Date.parse(point.at),
    desired: point.desired,
    ready: point.ready,
  };
  pool.queues.forEach((queue, i) => {
    row[queueKey(queue.queue)] = point.depths[i] ?? null;
  });
  return row;
}

/** Every change of the desired replicas, oldest first, with the queue that explains it. */
export function scalingEvents(pool: PoolScalingHistory): ScalingEvent[] {
  const events: ScalingEvent[] = [];
  for (let i = 1; i < pool.points.length; i++) {
    const before = pool.points[i - 1];
    const point = pool.points[i];
    if (point.desired === before.desired) continue;
    // Depths arrive on their own poll: the one at or just before the change explains it.
    const depths = point.depths.some(d => d !== null)
      ? point.depths
      : before.depths;
    events.push({
      at: Date.parse(point.at),
      from: before.desired,
      to: point.desired,
      queue: fullestQueue(pool, depths),
      queuesEmpty:
        depths.some(d => d !== null) &&
        depths.every(d => d === null || d === 0),
    });
  }
  return events;
}

function fullestQueue(
  pool: PoolScalingHistory,
  depths: Array<number | null>,
): ScalingEvent['queue'] {
  let best: ScalingEvent['queue'];
  let bestRatio = 0;
  pool.queues.forEach((queue, i) => {
    const depth = depths[i];
    if (depth === null || depth === undefined || depth <= 0) return;
    const ratio = depth / (queue.targetLength || 1);
    if (ratio > bestRatio) {
      bestRatio = ratio;
      best = { name: queue.queue, depth, target: queue.targetLength };
    }
  });
  return best;
}

/** `10:42`, in the reader's time zone. */
export function formatClock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(
    date.getMinutes(),
  ).padStart(2, '0')}`;
}

function describeEvent(event: ScalingEvent): string {
  const change = `scaled ${event.from} → ${event.to} at ${formatClock(
    event.at,
  )}`;
  if (event.queuesEmpty && event.to < event.from) {
    return `${change} when the queues were empty`;
  }
  if (!event.queue) return change;
  const { name, depth, target } = event.queue;
  const level = `${Math.round(depth)}${target !== null ? `/${target}` : ''}`;
  return event.to > event.from
    ? `${change} when ${name} reached ${level}`
    : `${change} with ${name} at ${level}`;
}

/**
 * What a pool did over the window, in one or two sentences that stand in for
 * the chart: the last three scaling changes with the queue that drove each,
 * or how long it held still; and whether replicas are still not ready.
 */
export function summarizeScaling(
  pool: PoolScalingHistory,
  from: number,
  minutes: number,
): string {
  if (pool.points.length === 0) {
    return `No replica or queue changes recorded in the last ${minutes} minutes.`;
  }
  const events = scalingEvents(pool).filter(event => event.at >= from);
  const last = pool.points[pool.points.length - 1];
  const since = pool.recordedSince ? Date.parse(pool.recordedSince) : from;
  const parts: string[] = [];
  if (events.length === 0) {
    parts.push(
      since > from
        ? `Held at ${last.desired} replicas since ${formatClock(
            since,
          )} (recorded since then)`
        : `Held at ${last.desired} replicas for the last ${minutes} minutes`,
    );
  } else {
    const shown = events.slice(-3).map(describeEvent);
    const hidden = events.length - shown.length;
    const sentence = shown.join('; ');
    parts.push(
      `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${
        hidden > 0
          ? ` (and ${hidden} earlier change${hidden > 1 ? 's' : ''})`
          : ''
      }`,
    );
  }
  if (last.ready < last.desired) {
    parts.push(`${last.ready} of ${last.desired} replicas ready now`);
  }
  return `${parts.join('. ')}.`;
}
