import { QueueTarget } from '@worker-platform/plugin-worker-platform-common';
import { QueueDepthLookup } from '../status/assembleEntityStatus';
import { UNLABELLED_ENVIRONMENT } from '../status/assembleEntityStatus';
import {
  DeploymentSummary,
  ResourceSummary,
  ScaledObjectSummary,
} from '../summaries/types';

/** One pool's state at one moment, what the history records. */
export interface PoolSample {
  environment: string;
  pool: string;
  queues: QueueTarget[];
  desired: number;
  ready: number;
  depths: Array<number | null>;
}

/**
 * The current state of every worker pool among an entity's summaries: each
 * ScaledObject whose Deployment is known, with that Deployment's replicas
 * and the cached depth of each trigger's queue. Pure; the history calls it on every change.
 */
export function samplePools(
  summaries: ResourceSummary[],
  queueDepth: QueueDepthLookup,
): PoolSample[] {
  const deployments = new Map<string, DeploymentSummary>();
  for (const summary of summaries) {
    if (summary.kind === 'Deployment') {
      deployments.set(
        `${summary.cluster}/${summary.namespace}/${summary.name}`,
        summary,
      );
    }
  }
  return summaries
    .filter((s): s is ScaledObjectSummary => s.kind === 'ScaledObject')
    .flatMap(scaledObject => {
      const deployment = deployments.get(
        `${scaledObject.cluster}/${scaledObject.namespace}/${scaledObject.scaleTarget}`,
      );
      // Until the watch has seen the Deployment its replicas are unknown, not zero.
      if (!deployment) return [];
      return {
        environment: scaledObject.environment ?? UNLABELLED_ENVIRONMENT,
        pool: scaledObject.worker ?? scaledObject.name,
        queues: scaledObject.triggers.map(trigger => ({
          queue: trigger.queue,
          targetLength: trigger.targetLength,
        })),
        desired: deployment.desired,
        ready: deployment.ready,
        depths: scaledObject.triggers.map(trigger =>
          trigger.metric
            ? queueDepth({
                cluster: scaledObject.cluster,
                namespace: scaledObject.namespace,
                scaledObject: scaledObject.name,
                metric: trigger.metric,
              })
            : null,
        ),
      };
    });
}
