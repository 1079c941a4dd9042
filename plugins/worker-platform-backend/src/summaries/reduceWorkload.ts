import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { conditionsOf, countOf, identityOf, stringOf } from './identity';
import { DeploymentSummary, HorizontalPodAutoscalerSummary } from './types';

/** Reduces a Deployment to its replica counts. */
export function reduceDeployment(
  object: RawKubernetesObject,
  cluster: string,
): DeploymentSummary | undefined {
  const identity = identityOf(object, cluster);
  if (!identity) return undefined;
  const spec = (object.spec ?? {}) as Record<string, any>;
  const status = (object.status ?? {}) as Record<string, any>;
  return {
    ...identity,
    kind: 'Deployment',
    desired: countOf(spec.replicas, 1),
    current: countOf(status.replicas),
    ready: countOf(status.readyReplicas),
    images: Array.isArray(spec.template?.spec?.containers)
      ? spec.template.spec.containers.flatMap((container: any) =>
          typeof container?.image === 'string' ? [container.image] : [],
        )
      : [],
  };
}

/** Reduces a HorizontalPodAutoscaler to its replica counts and conditions. */
export function reduceHorizontalPodAutoscaler(
  object: RawKubernetesObject,
  cluster: string,
): HorizontalPodAutoscalerSummary | undefined {
  const identity = identityOf(object, cluster);
  if (!identity) return undefined;
  const spec = (object.spec ?? {}) as Record<string, any>;
  const status = (object.status ?? {}) as Record<string, any>;
  return {
    ...identity,
    kind: 'HorizontalPodAutoscaler',
    scaleTarget: stringOf(spec.scaleTargetRef?.name) ?? '',
    currentReplicas: countOf(status.currentReplicas),
    desiredReplicas: countOf(status.desiredReplicas),
    conditions: conditionsOf(status.conditions),
  };
}
