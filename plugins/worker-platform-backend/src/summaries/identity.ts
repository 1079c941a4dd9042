import {
  COMPONENT_LABEL,
  ComponentKind,
  ENVIRONMENT_LABEL,
  KUBERNETES_ID_LABEL,
  StatusCondition,
  WORKER_LABEL,
} from '@worker-platform/plugin-worker-platform-common';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { SummaryIdentity } from './types';

/**
 * Where an object is and whose it is, from its labels; undefined for objects
 * without a `backstage.io/kubernetes-id` label (the watch selects on it, so
 * these are only seen when the label was just removed).
 */
export function identityOf(
  object: RawKubernetesObject,
  cluster: string,
): SummaryIdentity | undefined {
  const labels = object.metadata?.labels ?? {};
  const kubernetesId = labels[KUBERNETES_ID_LABEL];
  const name = object.metadata?.name;
  if (!kubernetesId || !name) return undefined;
  const component = labels[COMPONENT_LABEL];
  return {
    cluster,
    namespace: object.metadata?.namespace ?? '',
    name,
    kubernetesId,
    environment: labels[ENVIRONMENT_LABEL] ?? null,
    component:
      component === 'api' || component === 'worker'
        ? (component as ComponentKind)
        : null,
    worker: labels[WORKER_LABEL] ?? null,
  };
}

/** The fields of a condition a reader needs, whatever else the controller added. */
export function conditionsOf(value: unknown): StatusCondition[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(item => item && typeof item.type === 'string')
    .map(item => {
      const condition: StatusCondition = { type: item.type };
      for (const key of [
        'status',
        'reason',
        'message',
        'lastTransitionTime',
      ] as const) {
        if (typeof item[key] === 'string') condition[key] = item[key];
      }
      return condition;
    });
}

/** A non-negative count, or the fallback when the field is missing (Kubernetes omits zeros). */
export function countOf(value: unknown, fallback = 0): number {
  return typeof value === 'number' && value >= 0 ? value : fallback;
}

/** A string field, or null. */
export function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
