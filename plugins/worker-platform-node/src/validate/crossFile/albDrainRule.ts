import { Finding } from '../types';
import {
  describeObject,
  ofKind,
  podContainers,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

const TARGET_GROUP_ATTRIBUTES =
  'alb.ingress.kubernetes.io/target-group-attributes';

/** The ALB's deregistration delay of an Ingress, in seconds (300 when unset, the ALB's default). */
export function deregistrationDelay(
  annotations: Record<string, string> = {},
): number | undefined {
  if (
    !Object.keys(annotations).some(k =>
      k.startsWith('alb.ingress.kubernetes.io/'),
    )
  ) {
    return undefined;
  }
  const match = /deregistration_delay\.timeout_seconds=(\d+)/.exec(
    annotations[TARGET_GROUP_ATTRIBUTES] ?? '',
  );
  return match ? Number(match[1]) : 300;
}

/** Seconds of a `sleep N` preStop hook, or 0. */
function preStopSleep(container: Record<string, any>): number {
  const command: string[] = container.lifecycle?.preStop?.exec?.command ?? [];
  const sleep = container.lifecycle?.preStop?.sleep?.seconds;
  if (typeof sleep === 'number') return sleep;
  const match = /(?:^|\s)sleep\s+(\d+)/.exec(command.join(' '));
  return match ? Number(match[1]) : 0;
}

/** API pods keep serving while the ALB drains them, and have time to stop after. */
export const albDrainRule: ValidationRule = {
  id: 'cross-file/alb-drain',
  family: 'cross-file',
  why: 'The ALB keeps sending requests to a terminating pod until its deregistration delay has passed; a pod that stops before (a preStop shorter than the delay) or is killed first (a grace period not longer than the preStop) answers rollouts with 5xx.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const delays = ofKind(unit.objects, 'Ingress', 'networking.k8s.io')
        .map(ingress => deregistrationDelay(ingress.metadata?.annotations))
        .filter((d): d is number => d !== undefined);
      if (delays.length === 0) continue;
      const delay = Math.max(...delays);
      for (const deployment of ofKind(unit.objects, 'Deployment', 'apps')) {
        if (
          deployment.metadata?.labels?.['worker-platform.io/component'] !==
          'api'
        )
          continue;
        const grace = Number(
          valueAt(deployment, [
            'spec',
            'template',
            'spec',
            'terminationGracePeriodSeconds',
          ]) ?? 30,
        );
        for (const { path, container } of podContainers(deployment)) {
          if (path.includes('initContainers')) continue;
          const sleep = preStopSleep(container);
          if (sleep < delay || grace <= sleep) {
            findings.push(
              findingOf(
                albDrainRule,
                context.locate(
                  deployment,
                  [...path, 'lifecycle', 'preStop'],
                  unit,
                ),
                `${describeObject(deployment)} container "${
                  container.name
                }" sleeps ${sleep} s in preStop with a ${grace} s grace period, but the ALB drains for ${delay} s: the preStop must last at least the deregistration delay and the grace period longer than the preStop`,
              ),
            );
          }
        }
      }
    }
    return findings;
  },
};
