import type { ClusterConnection } from '@worker-platform/plugin-worker-platform-common';
import { formatAge } from './formatAge';

/** A cluster whose watch is down, told in one line plus the backend's reason. */
export interface ClusterProblem {
  cluster: string;
  /** `cluster prod-eu unreachable, data 2 min old` */
  summary: string;
  /** The backend's reason, without credentials; absent when it gave none. */
  detail?: string;
}

/**
 * The clusters whose data may be old, each with how old it is: the backend
 * keeps serving the last known state of a cluster it cannot watch.
 */
export function describeClusterProblems(
  clusters: ClusterConnection[],
  now: number,
): ClusterProblem[] {
  return clusters
    .filter(cluster => !cluster.connected)
    .map(cluster => ({
      cluster: cluster.name,
      summary: cluster.lastEventAt
        ? `cluster ${cluster.name} unreachable, data ${formatAge(
            cluster.lastEventAt,
            now,
          )} old`
        : `cluster ${cluster.name} unreachable, no data received yet`,
      ...(cluster.error ? { detail: cluster.error } : {}),
    }));
}
