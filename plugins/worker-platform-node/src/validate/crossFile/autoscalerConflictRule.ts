import { Finding } from '../types';
import { describeObject, ofKind } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

/** One workload is scaled by one autoscaler. */
export const autoscalerConflictRule: ValidationRule = {
  id: 'cross-file/autoscaler-conflict',
  family: 'cross-file',
  why: 'KEDA creates its own HPA for a ScaledObject; a second HPA on the same Deployment makes the two fight over replicas.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const scaled = new Map(
        ofKind(unit.objects, 'ScaledObject', 'keda.sh').map(so => {
          const ref = (
            so.spec as { scaleTargetRef?: { kind?: string; name?: string } }
          )?.scaleTargetRef;
          return [`${ref?.kind ?? 'Deployment'}/${ref?.name}`, so] as const;
        }),
      );
      for (const hpa of ofKind(
        unit.objects,
        'HorizontalPodAutoscaler',
        'autoscaling',
      )) {
        const ref = (
          hpa.spec as { scaleTargetRef?: { kind?: string; name?: string } }
        )?.scaleTargetRef;
        const scaledObject = scaled.get(
          `${ref?.kind ?? 'Deployment'}/${ref?.name}`,
        );
        if (scaledObject) {
          findings.push(
            findingOf(
              autoscalerConflictRule,
              context.locate(hpa, ['spec', 'scaleTargetRef', 'name'], unit),
              `${describeObject(hpa)} and ${describeObject(
                scaledObject,
              )} both scale ${ref?.kind ?? 'Deployment'}/${
                ref?.name
              }; keep only the ScaledObject`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
