import { Finding } from '../types';
import { describeObject, ofKind } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
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

/** One delivery mechanism per Deployment: a Flagger Canary owns its Deployment's Services. */
export const deliveryConflictRule: ValidationRule = {
  id: 'cross-file/delivery-conflict',
  family: 'cross-file',
  why: 'Flagger creates and switches the Services of the Deployment it canaries; hand-written (blue/green) Services on the same pods fight it, and Flagger has no ALB provider.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const canary of ofKind(unit.objects, 'Canary', 'flagger.app')) {
        const spec = (canary.spec ?? {}) as {
          provider?: string;
          targetRef?: { kind?: string; name?: string };
        };
        if (spec.provider && !FLAGGER_PROVIDERS.has(spec.provider)) {
          findings.push(
            findingOf(
              deliveryConflictRule,
              context.locate(canary, ['spec', 'provider'], unit),
              `${describeObject(canary)}: Flagger has no "${
                spec.provider
              }" provider`,
            ),
          );
        }
        const target = findTarget(unit.objects, spec.targetRef);
        if (!target) continue;
        for (const service of ofKind(unit.objects, 'Service')) {
          const selector = (
            service.spec as { selector?: Record<string, string> }
          )?.selector;
          if (selects(selector, podLabels(target))) {
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
