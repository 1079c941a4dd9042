import type {
  ApplicationOperation,
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import HighlightOff from '@material-ui/icons/HighlightOff';
import PauseCircleOutline from '@material-ui/icons/PauseCircleOutline';
import Autorenew from '@material-ui/icons/Autorenew';
import SyncProblem from '@material-ui/icons/SyncProblem';
import type { Severity, StatusIcon } from './severity';

/** How an ArgoCD status value is shown: a word, an icon and a colour. */
export interface ArgoStatusPresentation {
  label: string;
  icon: StatusIcon;
  severity: Severity;
}

const unknown: ArgoStatusPresentation = {
  label: 'Unknown',
  icon: HelpOutline,
  severity: 'unknown',
};

const syncPresentations: Record<SyncStatus, ArgoStatusPresentation> = {
  Synced: { label: 'Synced', icon: CheckCircleOutline, severity: 'ok' },
  OutOfSync: { label: 'OutOfSync', icon: SyncProblem, severity: 'warning' },
  Unknown: unknown,
};

const healthPresentations: Record<HealthStatus, ArgoStatusPresentation> = {
  Healthy: { label: 'Healthy', icon: CheckCircleOutline, severity: 'ok' },
  Progressing: { label: 'Progressing', icon: Autorenew, severity: 'info' },
  Degraded: { label: 'Degraded', icon: ErrorOutline, severity: 'error' },
  Suspended: { label: 'Suspended', icon: PauseCircleOutline, severity: 'info' },
  Missing: { label: 'Missing', icon: HighlightOff, severity: 'warning' },
  Unknown: unknown,
};

const operationPresentations: Record<string, ArgoStatusPresentation> = {
  Running: { label: 'Syncing', icon: Autorenew, severity: 'info' },
  Terminating: { label: 'Terminating', icon: Autorenew, severity: 'warning' },
  Succeeded: {
    label: 'Sync succeeded',
    icon: CheckCircleOutline,
    severity: 'ok',
  },
  Failed: { label: 'Sync failed', icon: ErrorOutline, severity: 'error' },
  Error: { label: 'Sync error', icon: ErrorOutline, severity: 'error' },
};

/** ArgoCD's sync status as a word, icon and colour. */
export function presentSyncStatus(sync: SyncStatus): ArgoStatusPresentation {
  return syncPresentations[sync] ?? { ...unknown, label: String(sync) };
}

/** ArgoCD's health status as a word, icon and colour. */
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
