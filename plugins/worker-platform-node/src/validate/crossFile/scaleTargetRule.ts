import { Finding } from '../types';
import { describeObject, ofKind } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { findTarget } from './workloads';

/** Each ScaledObject and HPA scales something its Application deploys. */
export const scaleTargetRule: ValidationRule = {
  id: 'cross-file/scale-target',
  family: 'cross-file',
  why: 'A ScaledObject or HPA whose target is not deployed with it reports errors forever and scales nothing.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const scalers = [
        ...ofKind(unit.objects, 'ScaledObject', 'keda.sh'),
        ...ofKind(unit.objects, 'HorizontalPodAutoscaler', 'autoscaling'),
      ];
      for (const scaler of scalers) {
        const ref = (
          scaler.spec as { scaleTargetRef?: { kind?: string; name?: string } }
        )?.scaleTargetRef;
        if (!findTarget(unit.objects, ref)) {
          findings.push(
            findingOf(
              scaleTargetRule,
              context.locate(scaler, ['spec', 'scaleTargetRef', 'name'], unit),
              `${describeObject(scaler)} targets ${ref?.kind ?? 'Deployment'}/${
                ref?.name
              }, which ${unit.dir} does not deploy`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
