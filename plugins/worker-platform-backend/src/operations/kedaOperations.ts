import { InputError } from '@backstage/errors';
import {
  KEDA_PAUSED_ANNOTATION,
  KEDA_PAUSED_REPLICAS_ANNOTATION,
  KedaOperationName,
} from '@worker-platform/plugin-worker-platform-common';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { PlannedChange } from './plannedChange';

/** The parameters of a KEDA operation. */
export interface KedaOperationInput {
  operation: KedaOperationName;
  /** `pause`: hold the pool at this many replicas. */
  replicas?: number;
}

/**
 * Decides the change a KEDA operation makes to a live ScaledObject: KEDA's
 * own switches, `autoscaling.keda.sh/paused` (at the current replica count)
 * or `autoscaling.keda.sh/paused-replicas` (at a fixed one). Both are
 * idempotent: asking for the state the object is in changes nothing.
 */
export function planKedaOperation(
  scaledObject: RawKubernetesObject,
  input: KedaOperationInput,
): PlannedChange {
  const name = scaledObject.metadata?.name ?? '';
  const annotations = scaledObject.metadata?.annotations ?? {};
  const paused = annotations[KEDA_PAUSED_ANNOTATION];
  const pausedReplicas = annotations[KEDA_PAUSED_REPLICAS_ANNOTATION];
  switch (input.operation) {
    case 'pause': {
      const wanted =
        input.replicas === undefined
          ? { [KEDA_PAUSED_ANNOTATION]: 'true' }
          : { [KEDA_PAUSED_REPLICAS_ANNOTATION]: String(input.replicas) };
      const where =
        input.replicas === undefined
          ? 'at its current replica count'
          : `at ${input.replicas} replica${input.replicas === 1 ? '' : 's'}`;
      const already =
        input.replicas === undefined
          ? paused === 'true' && pausedReplicas === undefined
          : pausedReplicas === String(input.replicas) && paused === undefined;
      if (already) {
        return { message: `autoscaling of ${name} is already paused ${where}` };
      }
      return {
        patch: {
          type: 'merge',
          body: {
            metadata: {
              annotations: {
                [KEDA_PAUSED_ANNOTATION]: null,
                [KEDA_PAUSED_REPLICAS_ANNOTATION]: null,
                ...wanted,
              },
            },
          },
        },
        message: `KEDA will stop scaling ${name} and hold it ${where}`,
      };
    }
    case 'resume': {
      if (paused === undefined && pausedReplicas === undefined) {
        return { message: `autoscaling of ${name} is not paused` };
      }
      return {
        patch: {
          type: 'merge',
          body: {
            metadata: {
              annotations: {
                [KEDA_PAUSED_ANNOTATION]: null,
                [KEDA_PAUSED_REPLICAS_ANNOTATION]: null,
              },
            },
          },
        },
        message: `KEDA will scale ${name} on its queues again`,
      };
    }
    default:
      throw new InputError(`operation: unknown KEDA operation`);
  }
}
