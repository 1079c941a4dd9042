import {
  KEDA_PAUSED_ANNOTATION,
  KEDA_PAUSED_REPLICAS_ANNOTATION,
} from '@worker-platform/plugin-worker-platform-common';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { conditionsOf, countOf, identityOf, stringOf } from './identity';
import { ScaledObjectSummary, TriggerSummary } from './types';

// KEDA's default when a ScaledObject sets no maxReplicaCount.
const KEDA_DEFAULT_MAX_REPLICAS = 100;

/** Reduces a KEDA ScaledObject to what its pool's state is derived from. */
export function reduceScaledObject(
  object: RawKubernetesObject,
  cluster: string,
): ScaledObjectSummary | undefined {
  const identity = identityOf(object, cluster);
  if (!identity) return undefined;
  const spec = (object.spec ?? {}) as Record<string, any>;
  const status = (object.status ?? {}) as Record<string, any>;
  const annotations = object.metadata?.annotations ?? {};
  const metricNames: unknown[] = Array.isArray(status.externalMetricNames)
    ? status.externalMetricNames
    : [];
  const triggers: unknown[] = Array.isArray(spec.triggers) ? spec.triggers : [];
  return {
    ...identity,
    kind: 'ScaledObject',
    scaleTarget: stringOf(spec.scaleTargetRef?.name) ?? identity.name,
    minReplicas: countOf(spec.minReplicaCount),
    maxReplicas: countOf(spec.maxReplicaCount, KEDA_DEFAULT_MAX_REPLICAS),
    pausedByAnnotation:
      annotations[KEDA_PAUSED_ANNOTATION] === 'true' ||
      KEDA_PAUSED_REPLICAS_ANNOTATION in annotations,
    conditions: conditionsOf(status.conditions),
    // KEDA names external metrics in trigger order (`s<index>-<scaler>-…`).
    triggers: triggers.map((trigger: any, index): TriggerSummary => {
      const metric = stringOf(metricNames[index]);
      const listLength = Number(trigger?.metadata?.listLength);
      return {
        queue:
          stringOf(trigger?.name) ??
          stringOf(trigger?.metadata?.listName) ??
          String(trigger?.type ?? `trigger ${index}`),
        metric,
        targetLength: Number.isFinite(listLength) ? listLength : null,
        health:
          (metric && stringOf(status.health?.[metric]?.status)) ?? 'Unknown',
      };
    }),
    lastActiveTime: stringOf(status.lastActiveTime),
    hpaName: stringOf(status.hpaName),
  };
}
