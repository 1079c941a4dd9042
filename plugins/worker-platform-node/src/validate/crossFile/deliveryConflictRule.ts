import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  ofKind,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { rolloutServices, rolloutsOf } from './rollouts';
import { findTarget, podLabels, selects } from './workloads';

// Flagger's mesh and ingress providers; AWS ALB is not one of them.
const FLAGGER_PROVIDERS = new Set([
  'kubernetes',
  'istio',
  'linkerd',
  'appmesh',
  'appmesh:v1beta2',
  'contour',
  'gloo',
  'nginx',
  'skipper',
  'traefik',
  'apisix',
  'kuma',
  'osm',
  'gatewayapi',
  'gatewayapi:v1',
  'gatewayapi:v1beta1',
]);

function selectorOf(service: KubernetesObject) {
  return valueAt(service, ['spec', 'selector']) as
    | Record<string, string>
    | undefined;
}

/**
 * One delivery mechanism per API Deployment: an Argo Rollouts Rollout
 * releases the pods of the Deployment it references through its own
 * Services (and is what the HPA scales); a Flagger Canary creates its
 * Deployment's Services itself.
 */
export const deliveryConflictRule: ValidationRule = {
  id: 'cross-file/delivery-conflict',
  family: 'cross-file',
  why: 'A canary controller switches the Services and the replica count of the pods it releases: another Service on those pods (a blue/green slot) sends traffic to both versions, an HPA on the Deployment instead of the Rollout scales nothing, and two controllers on one Deployment fight.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const flaggerTargets = ofKind(unit.objects, 'Canary', 'flagger.app').map(
        canary => ({
          canary,
          target: findTarget(
            unit.objects,
            valueAt(canary, ['spec', 'targetRef']) as
              | { kind?: string; name?: string }
              | undefined,
          ),
        }),
      );
      for (const { rollout, canary, workload } of rolloutsOf(unit.objects)) {
        if (!workload) continue;
        const own = new Set([
          ...rolloutServices(canary),
          ...(canary?.trafficRouting?.alb?.rootService
            ? [canary.trafficRouting.alb.rootService]
            : []),
        ]);
        for (const service of ofKind(unit.objects, 'Service')) {
          if (
            own.has(service.metadata?.name ?? '') ||
            !selects(selectorOf(service), podLabels(workload))
          ) {
            continue;
          }
          findings.push(
            findingOf(
              deliveryConflictRule,
              context.locate(service, ['spec', 'selector'], unit),
              `${describeObject(service)} selects the pods of ${describeObject(
                workload,
              )}, which ${describeObject(
                rollout,
              )} releases: it would send traffic to the old and the new version alike; only the Rollout's stable and canary Services may select them`,
            ),
          );
        }
        for (const hpa of ofKind(
          unit.objects,
          'HorizontalPodAutoscaler',
          'autoscaling',
        )) {
          if (
            findTarget(
              unit.objects,
              valueAt(hpa, ['spec', 'scaleTargetRef']) as { name?: string },
            ) === workload
          ) {
            findings.push(
              findingOf(
                deliveryConflictRule,
                context.locate(hpa, ['spec', 'scaleTargetRef'], unit),
                `${describeObject(hpa)} scales ${describeObject(
                  workload,
                )}, whose pods ${describeObject(
                  rollout,
                )} runs; scale the Rollout (scaleTargetRef kind Rollout, apiVersion argoproj.io/v1alpha1)`,
              ),
            );
          }
        }
        for (const { canary: flagger, target } of flaggerTargets) {
          if (target === workload) {
            findings.push(
              findingOf(
                deliveryConflictRule,
                context.locate(flagger, ['spec', 'targetRef'], unit),
                `${describeObject(flagger)} and ${describeObject(
                  rollout,
                )} both release ${describeObject(workload)}; keep the Rollout`,
              ),
            );
          }
        }
      }
      for (const { canary, target } of flaggerTargets) {
        const provider = valueAt(canary, ['spec', 'provider']);
        if (typeof provider === 'string' && !FLAGGER_PROVIDERS.has(provider)) {
          findings.push(
            findingOf(
              deliveryConflictRule,
              context.locate(canary, ['spec', 'provider'], unit),
              `${describeObject(
                canary,
              )}: Flagger has no "${provider}" provider`,
            ),
          );
        }
        if (!target) continue;
        for (const service of ofKind(unit.objects, 'Service')) {
          if (selects(selectorOf(service), podLabels(target))) {
            findings.push(
              findingOf(
                deliveryConflictRule,
                context.locate(service, ['spec', 'selector'], unit),
                `${describeObject(
                  service,
                )} selects the pods of ${describeObject(
                  target,
                )}, which ${describeObject(
                  canary,
                )} manages; Flagger creates that Deployment's Services itself`,
              ),
            );
          }
        }
      }
    }
    return findings;
  },
};
