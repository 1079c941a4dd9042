import type { WorkerPoolStatus } from '@worker-platform/plugin-worker-platform-common';

/** One pool in a few words: `gpu 6/20`, `api-relay idle`, `system paused`. */
export function describePool(pool: WorkerPoolStatus): string {
  const { current, max } = pool.replicas;
  switch (pool.state) {
    case 'active':
      return `${pool.name} ${current}/${max}`;
    case 'at-max':
      return `${pool.name} ${current}/${max} at max`;
    case 'fallback':
      return `${pool.name} fallback ${current}/${max}`;
    default:
      return `${pool.name} ${pool.state}`;
  }
}

/**
 * One line for an environment's worker pools, e.g.
 * `gpu 6/20 · api-relay idle · system paused`: running pools show replicas
 * against their maximum, the others their state.
 */
export function summarizeWorkers(workers: WorkerPoolStatus[]): string {
  if (workers.length === 0) {
    return 'no worker pools';
  }
  return workers.map(describePool).join(' · ');
}
