import type {
  ApplicationOperation,
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import type { WorkerPlatformT } from '../translation';
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

/** Keys under `operationPhases` in the translation ref, and indicators, per phase. */
const operationPresentations: Record<
  string,
  {
    words: 'running' | 'terminating' | 'succeeded' | 'failed' | 'error';
    status: StatusKind;
  }
> = {
  Running: { words: 'running', status: 'running' },
  // The operation is being stopped: aborted rather than a problem to fix.
  Terminating: { words: 'terminating', status: 'aborted' },
  Succeeded: { words: 'succeeded', status: 'ok' },
  Failed: { words: 'failed', status: 'error' },
  Error: { words: 'error', status: 'error' },
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

/**
 * The phase of an Application's current or last sync operation, in the app's
 * language; a phase ArgoCD adds later shows as ArgoCD names it.
 */
export function presentOperationPhase(
  operation: ApplicationOperation,
  t: WorkerPlatformT,
): ArgoStatusPresentation {
  const known = Object.hasOwn(operationPresentations, operation.phase)
    ? operationPresentations[operation.phase]
    : undefined;
  return known
    ? { label: t(`operationPhases.${known.words}`), status: known.status }
    : { ...unknown, label: operation.phase };
}
