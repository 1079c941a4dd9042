import type { WorkerState } from '@worker-platform/plugin-worker-platform-common';
import type { WorkerPlatformT } from '../translation';
import type { StatusKind } from './statusKind';

/** Keys under `workerStates` in the translation ref; tsc checks each is there. */
type WorkerStateWords =
  | 'idle'
  | 'active'
  | 'atMax'
  | 'paused'
  | 'fallback'
  | 'failing'
  | 'unknown';

/** How a worker pool's state is shown: a word, a sentence and a status indicator. */
export interface WorkerStatePresentation {
  label: string;
  description: string;
  status: StatusKind;
}

/** The words (under `workerStates` in the translation ref) and indicator of each state. */
const presentations: Record<
  WorkerState,
  { words: WorkerStateWords; status: StatusKind }
> = {
  idle: { words: 'idle', status: 'ok' },
  // Working, not a problem: the running indicator tells it from idle.
  active: { words: 'active', status: 'running' },
  'at-max': { words: 'atMax', status: 'warning' },
  paused: { words: 'paused', status: 'aborted' },
  fallback: { words: 'fallback', status: 'warning' },
  failing: { words: 'failing', status: 'error' },
  unknown: { words: 'unknown', status: 'pending' },
};

/** The word, sentence and status indicator for a worker pool state, in the app's language. */
export function presentWorkerState(
  state: WorkerState,
  t: WorkerPlatformT,
): WorkerStatePresentation {
  // The backend may learn a state before this frontend does; show it as unknown.
  const { words, status } = presentations[state] ?? presentations.unknown;
  return {
    label: t(`workerStates.${words}.label`),
    description: t(`workerStates.${words}.description`),
    status,
  };
}
