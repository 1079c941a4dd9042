import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  ofKind,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { rolloutsOf } from './rollouts';

const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
const ALB_ACTIONS_PREFIX = 'alb.ingress.kubernetes.io/actions.';

type Path = (string | number)[];

/** The class of an Ingress: `spec.ingressClassName`, else the older annotation. */
function ingressClass(ingress: KubernetesObject): string | undefined {
  const name = valueAt(ingress, ['spec', 'ingressClassName']);
  if (typeof name === 'string') return name;
  return ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
}

/** Every `service` backend of an Ingress's rules, with its path. */
function serviceBackends(ingress: KubernetesObject) {
  const rules = (valueAt(ingress, ['spec', 'rules']) ?? []) as {
    http?: { paths?: { backend?: { service?: Record<string, any> } }[] };
  }[];
  return rules.flatMap((rule, r) =>
    (rule?.http?.paths ?? []).map((entry, p) => ({
      path: ['spec', 'rules', r, 'http', 'paths', p, 'backend'] as Path,
      service: entry?.backend?.service,
    })),
  );
}

/** The ports a Service listens on. */
function servicePorts(service: KubernetesObject): number[] {
  return ((valueAt(service, ['spec', 'ports']) ?? []) as { port?: number }[])
    .map(p => p?.port)
    .filter((p): p is number => typeof p === 'number');
}

/**
 * Traffic reaches the API through the AWS Load Balancer Controller, and a
 * canary Rollout splits it there: `trafficRouting.alb` on an ALB Ingress
 * whose backend defers to the Rollout's action annotation.
 */
export const albTrafficRule: ValidationRule = {
  id: 'cross-file/alb-traffic',
  family: 'cross-file',
  why: 'The clusters serve Ingresses through the AWS Load Balancer Controller and ingress-nginx is retired upstream: an nginx Ingress, annotation or canary provider routes nothing there, and a canary Rollout whose ALB Ingress does not defer to its weights releases to everyone at once.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const report = (object: KubernetesObject, path: Path, message: string) =>
        findings.push(
          findingOf(
            albTrafficRule,
            context.locate(object, path, unit),
            `${describeObject(object)} ${message}`,
          ),
        );
      const ingresses = ofKind(unit.objects, 'Ingress', 'networking.k8s.io');
      for (const ingress of ingresses) {
        if (ingressClass(ingress) === 'nginx') {
          report(
            ingress,
            ['spec', 'ingressClassName'],
            'is of class nginx: ingress-nginx is retired upstream and the clusters serve Ingresses through the AWS Load Balancer Controller (class alb)',
          );
        }
        const nginxKeys = Object.keys(
          ingress.metadata?.annotations ?? {},
        ).filter(key => key.startsWith(NGINX_ANNOTATION_PREFIX));
        if (nginxKeys.length > 0) {
          report(
            ingress,
            ['metadata', 'annotations', nginxKeys[0]],
            `has ingress-nginx annotations (${nginxKeys.join(
              ', ',
            )}), which the AWS Load Balancer Controller ignores`,
          );
        }
      }
      for (const canary of ofKind(unit.objects, 'Canary', 'flagger.app')) {
        if (valueAt(canary, ['spec', 'provider']) === 'nginx') {
          report(
            canary,
            ['spec', 'provider'],
            'releases through ingress-nginx, which is retired upstream; canary releases go through an Argo Rollouts Rollout with trafficRouting.alb',
          );
        }
      }
      for (const { rollout, canary } of rolloutsOf(unit.objects)) {
        if (!canary) continue;
        const canaryPath: Path = ['spec', 'strategy', 'canary'];
        const routers = Object.keys(canary.trafficRouting ?? {});
        for (const router of routers.filter(r => r !== 'alb')) {
          report(
            rollout,
            [...canaryPath, 'trafficRouting', router],
            `routes canary traffic through "${router}"; the clusters' traffic goes through the AWS Load Balancer Controller (trafficRouting.alb)`,
          );
        }
        const alb = canary.trafficRouting?.alb;
        if (!alb) {
          if (routers.length === 0) {
            report(
              rollout,
              canaryPath,
              'has no trafficRouting: its weights would be pod counts, not traffic shares; route through the ALB (trafficRouting.alb)',
            );
          }
          continue;
        }
        const root = alb.rootService ?? canary.stableService;
        for (const [field, name] of [
          ['stableService', canary.stableService],
          ['canaryService', canary.canaryService],
        ] as const) {
          const service = ofKind(unit.objects, 'Service').find(
            s => s.metadata?.name === name,
          );
          if (!service) {
            report(
              rollout,
              [...canaryPath, field],
              `names ${field} "${
                name ?? ''
              }", which is not deployed beside it; ALB traffic routing needs both a stable and a canary Service`,
            );
          } else if (!servicePorts(service).includes(Number(alb.servicePort))) {
            report(
              rollout,
              [...canaryPath, 'trafficRouting', 'alb', 'servicePort'],
              `forwards the ALB to port ${alb.servicePort} of ${describeObject(
                service,
              )}, which listens on ${servicePorts(service).join(', ')}`,
            );
          }
        }
        const names = alb.ingresses ?? (alb.ingress ? [alb.ingress] : []);
        for (const name of names) {
          const ingress = ingresses.find(i => i.metadata?.name === name);
          if (!ingress) {
            report(
              rollout,
              [...canaryPath, 'trafficRouting', 'alb'],
              `splits traffic on Ingress/${name}, which is not deployed beside it`,
            );
            continue;
          }
          if (ingressClass(ingress) !== 'alb') {
            report(
              ingress,
              ['spec'],
              `carries the canary weights of ${describeObject(
                rollout,
              )} but is not of class alb, so the AWS Load Balancer Controller never reads them`,
            );
          }
          const deferring = serviceBackends(ingress).some(
            b =>
              b.service?.name === root &&
              b.service?.port?.name === 'use-annotation',
          );
          if (!deferring) {
            report(
              ingress,
              ['spec', 'rules'],
              `has no backend on Service ${root} with port name use-annotation, so the weights ${describeObject(
                rollout,
              )} writes (annotation ${ALB_ACTIONS_PREFIX}${root}) are never used: every release would take all traffic at once`,
            );
          }
          if (ingress.metadata?.annotations?.[`${ALB_ACTIONS_PREFIX}${root}`]) {
            report(
              ingress,
              ['metadata', 'annotations', `${ALB_ACTIONS_PREFIX}${root}`],
              `sets ${ALB_ACTIONS_PREFIX}${root} in git, which ${describeObject(
                rollout,
              )} writes: every sync would reset its weights`,
            );
          }
        }
        if (names.length === 0) {
          report(
            rollout,
            [...canaryPath, 'trafficRouting', 'alb'],
            'names no Ingress (trafficRouting.alb.ingress) to split traffic on',
          );
        }
      }
    }
    return findings;
  },
};
