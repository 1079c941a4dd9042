import type { WorkerState } from '@worker-platform/plugin-worker-platform-common';
import type { StatusKind } from './statusKind';

/** How a worker pool's state is shown: a word, a sentence and a status indicator. */
export interface WorkerStatePresentation {
  label: string;
  description: string;
  status: StatusKind;
}

const presentations: Record<WorkerState, WorkerStatePresentation> = {
  idle: {
    label: 'Idle',
    description: 'Scaled to zero, waiting for work',
    status: 'ok',
  },
  active: {
    label: 'Active',
    description: 'Working through a backlog, scaling between min and max',
    // Working, not a problem: the running indicator tells it from idle.
    status: 'running',
  },
  'at-max': {
    label: 'At max',
    description: 'At its replica ceiling; the backlog may grow',
    status: 'warning',
  },
  paused: {
    label: 'Paused',
    description: 'Autoscaling switched off by the KEDA paused annotation',
    status: 'aborted',
  },
  fallback: {
    label: 'Fallback',
    description: 'Triggers failing; KEDA holds the fallback replica count',
    status: 'warning',
  },
  failing: {
    label: 'Failing',
    description:
      'A trigger or the ScaledObject is failing; the pool cannot scale',
    status: 'error',
  },
  unknown: {
    label: 'Unknown',
    description: 'KEDA has not reported a status for this pool yet',
    status: 'pending',
  },
};

/** The word, sentence and status indicator for a worker pool state. */
export function presentWorkerState(
  state: WorkerState,
): WorkerStatePresentation {
  // The backend may learn a state before this frontend does; show it as unknown.
  return presentations[state] ?? presentations.unknown;
}
