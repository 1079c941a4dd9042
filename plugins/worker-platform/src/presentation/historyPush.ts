import type {
  EntityScalingHistory,
  HistoryPointsSignal,
  PoolScalingHistory,
  ScalingPoint,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * The history with pushed points appended, or `refetch` when they cannot be
 * appended safely: a point does not chain to the pool's last one (a message
 * was missed — a reconnect, a dropped send), or it is about an environment
 * or pool the history does not have (new, or its queues changed). A point
 * already held (the fetch that raced the push had it) is skipped.
 *
 * Points older than the window are dropped, all but the last before it (the
 * state at the window's left edge), so a page left open stays bounded; the
 * right edge moves to the newest point.
 */
export function appendPushedPoints(
  history: EntityScalingHistory,
  signal: HistoryPointsSignal,
): EntityScalingHistory | 'refetch' {
  const index = history.environments.findIndex(
    e => e.name === signal.environment,
  );
  if (index === -1 || signal.points.length === 0) return 'refetch';
  const pools = new Map(
    history.environments[index].pools.map(pool => [pool.name, pool]),
  );
  let newest = Date.parse(history.generatedAt);
  for (const { pool: name, previousAt, ...point } of signal.points) {
    const pool = pools.get(name);
    if (!pool) return 'refetch';
    const last = pool.points.at(-1);
    if (last && samePoint(last, point)) continue;
    if (!chains(pool, previousAt)) return 'refetch';
    pools.set(name, { ...pool, points: [...pool.points, point] });
    newest = Math.max(newest, Date.parse(point.at));
  }
  const from = newest - history.minutes * 60_000;
  const environments = [...history.environments];
  environments[index] = {
    ...environments[index],
    pools: environments[index].pools.map(pool =>
      withinWindow(pools.get(pool.name)!, from),
    ),
  };
  return {
    ...history,
    generatedAt: new Date(newest).toISOString(),
    environments,
  };
}

// The served history moves the last point before the window to its left
// edge, so a pool showing only that point may have recorded it earlier.
function chains(pool: PoolScalingHistory, previousAt: string | null): boolean {
  const last = pool.points.at(-1);
  if (!last || previousAt === null) return !last && previousAt === null;
  if (last.at === previousAt) return true;
  return (
    pool.points.length === 1 && Date.parse(previousAt) <= Date.parse(last.at)
  );
}

function samePoint(a: ScalingPoint, b: ScalingPoint): boolean {
  return (
    a.at === b.at &&
    a.desired === b.desired &&
    a.ready === b.ready &&
    a.depths.length === b.depths.length &&
    a.depths.every((depth, i) => depth === b.depths[i])
  );
}

function withinWindow(
  pool: PoolScalingHistory,
  from: number,
): PoolScalingHistory {
  const firstInside = pool.points.findIndex(p => Date.parse(p.at) >= from);
  const keepFrom =
    firstInside === -1 ? pool.points.length - 1 : Math.max(firstInside - 1, 0);
  return keepFrom <= 0
    ? pool
    : { ...pool, points: pool.points.slice(keepFrom) };
}
