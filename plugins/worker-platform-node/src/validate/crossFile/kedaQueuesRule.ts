import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  ofKind,
  podContainers,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { celeryQueues, containerVariable, findTarget } from './workloads';

// Celery's Redis transport keeps each queue in a Redis list named after the
// queue, behind the broker's global_keyprefix, which the workers read here.
const KEY_PREFIX_VARIABLE = 'CELERY_KEY_PREFIX';

interface RedisTrigger {
  type?: string;
  name?: string;
  metadata?: Record<string, string>;
}

/** KEDA watches exactly the Redis lists the target's Celery worker consumes. */
export const kedaQueuesRule: ValidationRule = {
  id: 'cross-file/keda-queues',
  family: 'cross-file',
  why: 'A redis trigger on a list the worker does not consume (e.g. `celery:queue:<q>`) never sees the backlog, so the pool stays at zero while work piles up.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const scaledObject of ofKind(
        unit.objects,
        'ScaledObject',
        'keda.sh',
      )) {
        const spec = (scaledObject.spec ?? {}) as {
          scaleTargetRef?: { kind?: string; name?: string };
          triggers?: RedisTrigger[];
        };
        const target = findTarget(unit.objects, spec.scaleTargetRef);
        if (!target) continue; // cross-file/scale-target reports it
        const consumed = consumedQueues(target);
        if (!consumed) continue;
        const prefix = keyPrefix(target, unit.objects);
        const expected = new Map(consumed.map(q => [`${prefix}${q}`, q]));
        const watched = new Set<string>();
        (spec.triggers ?? []).forEach((trigger, index) => {
          if (!trigger?.type?.startsWith('redis')) return;
          const listName = trigger.metadata?.listName;
          if (typeof listName !== 'string') return;
          watched.add(listName);
          if (!expected.has(listName)) {
            findings.push(
              findingOf(
                kedaQueuesRule,
                context.locate(
                  scaledObject,
                  ['spec', 'triggers', index, 'metadata', 'listName'],
                  unit,
                ),
                `${describeObject(
                  scaledObject,
                )} watches Redis list "${listName}", but ${describeObject(
                  target,
                )} consumes ${[...expected.keys()]
                  .map(k => `"${k}"`)
                  .join(', ')} (Celery keeps queue q in the list named q${
                  prefix ? `, prefixed "${prefix}"` : ''
                })`,
              ),
            );
          }
        });
        for (const [key, queue] of expected) {
          if (!watched.has(key)) {
            findings.push(
              findingOf(
                kedaQueuesRule,
                context.locate(scaledObject, ['spec', 'triggers'], unit),
                `${describeObject(
                  target,
                )} consumes queue "${queue}" but ${describeObject(
                  scaledObject,
                )} has no redis trigger on list "${key}", so its backlog never scales the pool`,
              ),
            );
          }
        }
      }
    }
    return findings;
  },
};

function consumedQueues(target: KubernetesObject): string[] | undefined {
  for (const { container } of podContainers(target)) {
    const commandLine = [
      ...(container.command ?? []),
      ...(container.args ?? []),
    ].map(String);
    const queues = celeryQueues(commandLine);
    if (queues) return queues;
  }
  return undefined;
}

function keyPrefix(
  target: KubernetesObject,
  objects: KubernetesObject[],
): string {
  for (const { container } of podContainers(target)) {
    const value = containerVariable(container, objects, KEY_PREFIX_VARIABLE);
    if (value !== undefined) return value;
  }
  return '';
}
