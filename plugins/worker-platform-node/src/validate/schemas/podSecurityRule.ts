import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  podContainers,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

/** The label that makes a namespace's admission enforce a Pod Security level. */
export const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

const SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

type Path = (string | number)[];

/** What Pod Security "restricted" refuses in one pod template; each entry a path and a reason. */
export function restrictedViolations(
  object: KubernetesObject,
): { path: Path; reason: string }[] {
  const containers = podContainers(object);
  if (containers.length === 0) return [];
  const podPath = containers[0].path.slice(0, -2);
  const pod = (valueAt(object, podPath) ?? {}) as Record<string, any>;
  const podContext = pod.securityContext ?? {};
  const violations: { path: Path; reason: string }[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[field] === true) {
      violations.push({ path: [...podPath, field], reason: `${field} is set` });
    }
  }
  (pod.volumes ?? []).forEach((volume: Record<string, unknown>, i: number) => {
    if (volume?.hostPath) {
      violations.push({
        path: [...podPath, 'volumes', i, 'hostPath'],
        reason: `volume "${volume.name}" is a hostPath`,
      });
    }
  });
  for (const { path, container } of containers) {
    const context = container.securityContext ?? {};
    const name = `container "${container.name}"`;
    if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) {
      violations.push({
        path: [...podPath, 'securityContext', 'runAsNonRoot'],
        reason: `${name} may run as root (runAsNonRoot is not true)`,
      });
    }
    const seccomp =
      context.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (!SECCOMP_TYPES.has(seccomp)) {
      violations.push({
        path: [...podPath, 'securityContext', 'seccompProfile'],
        reason: `${name} has no seccompProfile of type RuntimeDefault or Localhost`,
      });
    }
    if (context.privileged === true) {
      violations.push({
        path: [...path, 'securityContext', 'privileged'],
        reason: `${name} is privileged`,
      });
    }
    if (context.allowPrivilegeEscalation !== false) {
      violations.push({
        path: [...path, 'securityContext', 'allowPrivilegeEscalation'],
        reason: `${name} does not set allowPrivilegeEscalation: false`,
      });
    }
    const drop: string[] = context.capabilities?.drop ?? [];
    if (!drop.includes('ALL')) {
      violations.push({
        path: [...path, 'securityContext', 'capabilities'],
        reason: `${name} does not drop ALL capabilities`,
      });
    }
    const added = (context.capabilities?.add ?? []).filter(
      (c: string) => c !== 'NET_BIND_SERVICE',
    );
    if (added.length > 0) {
      violations.push({
        path: [...path, 'securityContext', 'capabilities', 'add'],
        reason: `${name} adds ${added.join(', ')}`,
      });
    }
  }
  // One finding per place: the pod-level ones repeat per container.
  const seen = new Set<string>();
  return violations.filter(v => {
    const key = `${v.path.join('/')} ${v.reason.replace(
      /container "[^"]*" /,
      '',
    )}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every pod passes Pod Security "restricted", and every namespace enforces it. */
export const podSecurityRule: ValidationRule = {
  id: 'schemas/pod-security-restricted',
  family: 'schemas',
  why: 'A namespace enforcing Pod Security "restricted" refuses pods that may run as root, escalate privileges, keep capabilities or run without a seccomp profile; without the label nothing stops the next hand edit that adds one.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const object of unit.objects) {
        if (object.kind === 'Namespace') {
          const level = object.metadata?.labels?.[POD_SECURITY_ENFORCE_LABEL];
          if (level !== 'restricted') {
            findings.push(
              findingOf(
                podSecurityRule,
                context.locate(object, ['metadata', 'labels'], unit),
                `${describeObject(
                  object,
                )} does not enforce Pod Security "restricted" (label ${POD_SECURITY_ENFORCE_LABEL}: restricted)`,
              ),
            );
          }
          continue;
        }
        for (const { path, reason } of restrictedViolations(object)) {
          findings.push(
            findingOf(
              podSecurityRule,
              context.locate(object, path, unit),
              `${describeObject(
                object,
              )} fails Pod Security "restricted": ${reason}`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
