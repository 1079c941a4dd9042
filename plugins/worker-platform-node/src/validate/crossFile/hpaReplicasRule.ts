import { Finding } from '../types';
import { describeObject, ofKind, valueAt } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { findTarget } from './workloads';

/** A Deployment an HPA scales asks for no replica count other than the HPA's minimum. */
export const hpaReplicasRule: ValidationRule = {
  id: 'cross-file/hpa-replicas',
  family: 'cross-file',
  why: "Once an HPA scales a Deployment it owns the replica count (and ArgoCD ignores /spec/replicas), so a replicas value other than the HPA's minReplicas never holds: an environment asking for 5 would run the HPA's 3.",
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const hpa of ofKind(
        unit.objects,
        'HorizontalPodAutoscaler',
        'autoscaling',
      )) {
        const target = findTarget(
          unit.objects,
          valueAt(hpa, ['spec', 'scaleTargetRef']) as {
            kind?: string;
            name?: string;
          },
        );
        const replicas = target && valueAt(target, ['spec', 'replicas']);
        const min = Number(valueAt(hpa, ['spec', 'minReplicas']) ?? 1);
        if (target && typeof replicas === 'number' && replicas !== min) {
          findings.push(
            findingOf(
              hpaReplicasRule,
              context.locate(target, ['spec', 'replicas'], unit),
              `${describeObject(
                target,
              )} asks for ${replicas} replicas, but ${describeObject(
                hpa,
              )} owns the count with a minimum of ${min}; set the HPA's minReplicas (the spec's replicas) instead`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
