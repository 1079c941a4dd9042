import type {
  ApplicationOperation,
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import type { StatusKind } from './statusKind';

/** How an ArgoCD status value is shown: a word and a status indicator. */
export interface ArgoStatusPresentation {
  label: string;
  status: StatusKind;
}

const unknown: ArgoStatusPresentation = {
  label: 'Unknown',
  status: 'pending',
};

const syncPresentations: Record<SyncStatus, ArgoStatusPresentation> = {
  Synced: { label: 'Synced', status: 'ok' },
  OutOfSync: { label: 'OutOfSync', status: 'warning' },
  Unknown: unknown,
};

const healthPresentations: Record<HealthStatus, ArgoStatusPresentation> = {
  Healthy: { label: 'Healthy', status: 'ok' },
  Progressing: { label: 'Progressing', status: 'running' },
  Degraded: { label: 'Degraded', status: 'error' },
  Suspended: { label: 'Suspended', status: 'aborted' },
  Missing: { label: 'Missing', status: 'warning' },
  Unknown: unknown,
};

const operationPresentations: Record<string, ArgoStatusPresentation> = {
  Running: { label: 'Syncing', status: 'running' },
  // The operation is being stopped: aborted rather than a problem to fix.
  Terminating: { label: 'Terminating', status: 'aborted' },
  Succeeded: { label: 'Sync succeeded', status: 'ok' },
  Failed: { label: 'Sync failed', status: 'error' },
  Error: { label: 'Sync error', status: 'error' },
};

/** ArgoCD's sync status as a word and status indicator. */
export function presentSyncStatus(sync: SyncStatus): ArgoStatusPresentation {
  return syncPresentations[sync] ?? { ...unknown, label: String(sync) };
}

/** ArgoCD's health status as a word and status indicator. */
export function presentHealthStatus(
  health: HealthStatus,
): ArgoStatusPresentation {
  return healthPresentations[health] ?? { ...unknown, label: String(health) };
}

/** The phase of an Application's current or last sync operation. */
export function presentOperationPhase(
  operation: ApplicationOperation,
): ArgoStatusPresentation {
  return (
    operationPresentations[operation.phase] ?? {
      ...unknown,
      label: operation.phase,
    }
  );
}
