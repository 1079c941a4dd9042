import { Finding } from '../types';
import { describeObject, ofKind, valueAt } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

/** Every namespace a unit creates denies ingress unless a policy allows it. */
export const networkIsolationRule: ValidationRule = {
  id: 'cross-file/network-isolation',
  family: 'cross-file',
  why: "Separate namespaces isolate nothing on the network by themselves: without a default-deny NetworkPolicy any pod of the cluster reaches the API on every port and the service's Redis.",
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const denies = ofKind(
        unit.objects,
        'NetworkPolicy',
        'networking.k8s.io',
      ).some(policy => {
        const selector = (valueAt(policy, ['spec', 'podSelector']) ??
          {}) as Record<string, unknown>;
        const types = (valueAt(policy, ['spec', 'policyTypes']) ??
          []) as string[];
        const ingress = (valueAt(policy, ['spec', 'ingress']) ??
          []) as unknown[];
        const selectsAll = Object.values(selector).every(
          v =>
            v === undefined ||
            (typeof v === 'object' && Object.keys(v as object).length === 0),
        );
        return selectsAll && types.includes('Ingress') && ingress.length === 0;
      });
      if (denies) continue;
      for (const namespace of unit.objects.filter(
        o => o.kind === 'Namespace',
      )) {
        findings.push(
          findingOf(
            networkIsolationRule,
            context.locate(namespace, ['metadata', 'name'], unit),
            `${describeObject(
              namespace,
            )} has no default-deny ingress NetworkPolicy (podSelector: {}, policyTypes: [Ingress], no ingress rules)`,
          ),
        );
      }
    }
    return findings;
  },
};
