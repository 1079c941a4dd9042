import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import type { Severity, StatusIcon } from './severity';

/** How a KEDA trigger's health is shown: a word, an icon and a colour. */
export interface TriggerHealthPresentation {
  label: string;
  icon: StatusIcon;
  severity: Severity;
}

/** KEDA reports trigger health as `Happy`, `Failing` or `Unknown`. */
export function presentTriggerHealth(
  health: string,
): TriggerHealthPresentation {
  switch (health) {
    case 'Happy':
      return { label: 'Healthy', icon: CheckCircleOutline, severity: 'ok' };
    case 'Failing':
      return { label: 'Failing', icon: ErrorOutline, severity: 'error' };
    default:
      return { label: 'Unknown', icon: HelpOutline, severity: 'unknown' };
  }
}
