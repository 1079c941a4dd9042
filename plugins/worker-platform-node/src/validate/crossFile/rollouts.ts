import { KubernetesObject, ofKind, valueAt } from '../repository/objects';
import { findTarget } from './workloads';

/** The fields of an Argo Rollouts canary strategy the rules read. */
export interface CanaryStrategy {
  stableService?: string;
  canaryService?: string;
  pingPong?: { pingService?: string; pongService?: string };
  trafficRouting?: Record<string, unknown> & {
    alb?: {
      ingress?: string;
      ingresses?: string[];
      rootService?: string;
      servicePort?: number;
    };
  };
}

/** An Argo Rollouts Rollout of a unit, with the Deployment its `workloadRef` names (if any). */
export interface RolloutOf {
  rollout: KubernetesObject;
  /** `spec.strategy.canary`, when the Rollout releases by canary. */
  canary?: CanaryStrategy;
  /** The object `spec.workloadRef` names, found among the unit's objects. */
  workload?: KubernetesObject;
}

/** Every Argo Rollouts Rollout among `objects`. */
export function rolloutsOf(objects: readonly KubernetesObject[]): RolloutOf[] {
  return ofKind(objects, 'Rollout', 'argoproj.io').map(rollout => {
    const ref = valueAt(rollout, ['spec', 'workloadRef']) as
      | { kind?: string; name?: string }
      | undefined;
    return {
      rollout,
      canary: valueAt(rollout, ['spec', 'strategy', 'canary']) as
        | CanaryStrategy
        | undefined,
      workload: ref ? findTarget(objects, ref) : undefined,
    };
  });
}

/** The Services a Rollout switches between (stable and canary, or ping and pong). */
export function rolloutServices(canary: CanaryStrategy | undefined): string[] {
  return [
    canary?.stableService,
    canary?.canaryService,
    canary?.pingPong?.pingService,
    canary?.pingPong?.pongService,
  ].filter((name): name is string => typeof name === 'string');
}
