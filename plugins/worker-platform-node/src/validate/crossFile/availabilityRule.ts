import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  ofKind,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { findTarget, podLabels, selects } from './workloads';

const ZONE_KEY = 'topology.kubernetes.io/zone';

function component(object: KubernetesObject): string | undefined {
  return object.metadata?.labels?.['worker-platform.io/component'];
}

/** API pods survive drains and zone loss; pools that keep replicas survive drains. */
export const availabilityRule: ValidationRule = {
  id: 'cross-file/availability',
  family: 'cross-file',
  why: 'Without a PodDisruptionBudget a node drain may evict every API pod (or every worker a pool keeps) at once, and without a zone spread one zone outage can take the whole API down.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const budgets = ofKind(unit.objects, 'PodDisruptionBudget', 'policy');
      const guarded = (workload: KubernetesObject) =>
        budgets.some(pdb =>
          selects(
            valueAt(pdb, ['spec', 'selector', 'matchLabels']) as
              | Record<string, string>
              | undefined,
            podLabels(workload),
          ),
        );
      const keepsReplicas = new Set(
        ofKind(unit.objects, 'ScaledObject', 'keda.sh')
          .filter(so => Number(valueAt(so, ['spec', 'minReplicaCount'])) > 0)
          .map(so =>
            findTarget(
              unit.objects,
              valueAt(so, ['spec', 'scaleTargetRef']) as { name?: string },
            ),
          ),
      );
      for (const deployment of ofKind(unit.objects, 'Deployment', 'apps')) {
        const isApi = component(deployment) === 'api';
        if ((isApi || keepsReplicas.has(deployment)) && !guarded(deployment)) {
          findings.push(
            findingOf(
              availabilityRule,
              context.locate(deployment, ['spec', 'selector'], unit),
              `${describeObject(deployment)} ${
                isApi
                  ? 'serves the API'
                  : 'keeps replicas (minReplicaCount > 0)'
              } but no PodDisruptionBudget selects its pods`,
            ),
          );
        }
        const spreads = (
          (valueAt(deployment, [
            'spec',
            'template',
            'spec',
            'topologySpreadConstraints',
          ]) as { topologyKey?: string }[] | undefined) ?? []
        ).some(c => c?.topologyKey === ZONE_KEY);
        if (isApi && !spreads) {
          findings.push(
            findingOf(
              availabilityRule,
              context.locate(deployment, ['spec', 'template', 'spec'], unit),
              `${describeObject(
                deployment,
              )} serves the API but has no topologySpreadConstraints over ${ZONE_KEY}`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
