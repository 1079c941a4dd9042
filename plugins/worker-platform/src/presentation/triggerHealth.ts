import type { WorkerPlatformT } from '../translation';
import type { StatusKind } from './statusKind';

/** How a KEDA trigger's health is shown: a word and a status indicator. */
export interface TriggerHealthPresentation {
  label: string;
  status: StatusKind;
}

/** KEDA reports trigger health as `Happy`, `Failing` or `Unknown`. */
export function presentTriggerHealth(
  health: string,
  t: WorkerPlatformT,
): TriggerHealthPresentation {
  switch (health) {
    case 'Happy':
      return { label: t('triggerHealth.happy'), status: 'ok' };
    case 'Failing':
      return { label: t('triggerHealth.failing'), status: 'error' };
    default:
      return { label: t('triggerHealth.unknown'), status: 'pending' };
  }
}
