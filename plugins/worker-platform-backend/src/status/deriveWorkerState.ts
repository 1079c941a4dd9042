import {
  StatusCondition,
  WorkerState,
} from '@worker-platform/plugin-worker-platform-common';

/** What a worker pool's state is derived from. */
export interface WorkerStateInput {
  /** Paused by `autoscaling.keda.sh/paused` or `paused-replicas`. */
  pausedByAnnotation: boolean;
  /** The ScaledObject's conditions (Ready, Active, Fallback, Paused). */
  conditions: StatusCondition[];
  /** KEDA's health of each trigger (`Happy`, `Failing`, `Unknown`). */
  triggerHealth: string[];
  /** Replicas of the scaled Deployment. */
  replicas: number;
  maxReplicas: number;
  /** The conditions of the HPA KEDA manages, if seen. */
  hpaConditions: StatusCondition[];
}

function conditionStatus(
  conditions: StatusCondition[],
  type: string,
): string | undefined {
  return conditions.find(condition => condition.type === type)?.status;
}

/**
 * A worker pool's state in the words a user needs, checked worst first:
 * paused, fallback, failing, unknown (no status yet), at-max, active, idle.
 * Idle means Ready, not Active and at zero replicas — waiting for work, not down.
 */
export function deriveWorkerState(input: WorkerStateInput): WorkerState {
  const { conditions } = input;
  if (
    input.pausedByAnnotation ||
    conditionStatus(conditions, 'Paused') === 'True'
  ) {
    return 'paused';
  }
  if (conditionStatus(conditions, 'Fallback') === 'True') {
    return 'fallback';
  }
  const ready = conditionStatus(conditions, 'Ready');
  if (ready === 'False' || input.triggerHealth.includes('Failing')) {
    return 'failing';
  }
  if (ready !== 'True') {
    return 'unknown';
  }
  const limitedByMax = input.hpaConditions.some(
    c =>
      c.type === 'ScalingLimited' &&
      c.status === 'True' &&
      c.reason === 'TooManyReplicas',
  );
  if (
    (input.maxReplicas > 0 && input.replicas >= input.maxReplicas) ||
    limitedByMax
  ) {
    return 'at-max';
  }
  if (conditionStatus(conditions, 'Active') === 'True' || input.replicas > 0) {
    return 'active';
  }
  return 'idle';
}
