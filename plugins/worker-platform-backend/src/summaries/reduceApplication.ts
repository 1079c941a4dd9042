import {
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION } from '../operations/argoCdOperations';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { conditionsOf, identityOf, stringOf } from './identity';
import { ApplicationSummary } from './types';

const SYNC_STATUSES: readonly string[] = ['Synced', 'OutOfSync', 'Unknown'];
const HEALTH_STATUSES: readonly string[] = [
  'Healthy',
  'Progressing',
  'Degraded',
  'Suspended',
  'Missing',
  'Unknown',
];
const HISTORY_LENGTH = 10;

/** Reduces an ArgoCD Application to what the status page shows. */
export function reduceApplication(
  object: RawKubernetesObject,
  cluster: string,
): ApplicationSummary | undefined {
  const identity = identityOf(object, cluster);
  if (!identity) return undefined;
  const status = (object.status ?? {}) as Record<string, any>;
  const sync = stringOf(status.sync?.status) ?? 'Unknown';
  const health = stringOf(status.health?.status) ?? 'Unknown';
  const operation = status.operationState;
  const history: unknown[] = Array.isArray(status.history)
    ? status.history
    : [];
  return {
    ...identity,
    kind: 'Application',
    sync: (SYNC_STATUSES.includes(sync) ? sync : 'Unknown') as SyncStatus,
    health: (HEALTH_STATUSES.includes(health)
      ? health
      : 'Unknown') as HealthStatus,
    revision: stringOf(status.sync?.revision),
    operation:
      operation && typeof operation.phase === 'string'
        ? {
            phase: operation.phase,
            message: stringOf(operation.message),
            startedAt: stringOf(operation.startedAt),
            finishedAt: stringOf(operation.finishedAt),
          }
        : null,
    conditions: conditionsOf(status.conditions),
    autoSync: Boolean((object.spec as any)?.syncPolicy?.automated),
    images: Array.isArray(status.summary?.images)
      ? status.summary.images.filter(
          (image: unknown): image is string => typeof image === 'string',
        )
      : [],
    autoSyncDisabledByRollback: Boolean(
      object.metadata?.annotations?.[AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION],
    ),
    // ArgoCD appends to its history, so the newest entry is last.
    history: history
      .slice(-HISTORY_LENGTH)
      .reverse()
      .flatMap((entry: any) =>
        typeof entry?.revision === 'string' &&
        typeof entry?.deployedAt === 'string'
          ? [
              {
                ...(typeof entry.id === 'number' ? { id: entry.id } : {}),
                revision: entry.revision,
                deployedAt: entry.deployedAt,
              },
            ]
          : [],
      ),
  };
}
