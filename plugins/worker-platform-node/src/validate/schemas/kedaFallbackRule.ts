import { Finding } from '../types';
import { describeObject, ofKind, valueAt } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

/** Every ScaledObject says what to do when its triggers fail. */
export const kedaFallbackRule: ValidationRule = {
  id: 'schemas/keda-fallback',
  family: 'schemas',
  why: 'Without a fallback, a trigger that cannot read its queue (Redis down, a wrong password) reports nothing to scale on, and KEDA scales a busy pool to its minimum, often zero.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const scaledObject of ofKind(
        unit.objects,
        'ScaledObject',
        'keda.sh',
      )) {
        const replicas = Number(
          valueAt(scaledObject, ['spec', 'fallback', 'replicas']),
        );
        if (!(replicas >= 1)) {
          findings.push(
            findingOf(
              kedaFallbackRule,
              context.locate(scaledObject, ['spec', 'fallback'], unit),
              `${describeObject(
                scaledObject,
              )} has no fallback of at least 1 replica; add spec.fallback { failureThreshold, replicas, behavior: currentReplicasIfHigher }`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
