import type { StatusKind } from './statusKind';

/** How a KEDA trigger's health is shown: a word and a status indicator. */
export interface TriggerHealthPresentation {
  label: string;
  status: StatusKind;
}

/** KEDA reports trigger health as `Happy`, `Failing` or `Unknown`. */
export function presentTriggerHealth(
  health: string,
): TriggerHealthPresentation {
  switch (health) {
    case 'Happy':
      return { label: 'Healthy', status: 'ok' };
    case 'Failing':
      return { label: 'Failing', status: 'error' };
    default:
      return { label: 'Unknown', status: 'pending' };
  }
}
