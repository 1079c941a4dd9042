import { Finding } from '../types';
import { describeObject } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { celeryWorkers } from './workloads';

/** A worker's liveness probe does not go through the broker. */
export const workerLivenessRule: ValidationRule = {
  id: 'cross-file/worker-liveness',
  family: 'cross-file',
  why: '`celery inspect ping` asks the worker through Redis and starts Celery per probe: a Redis blip fails it and the kubelet restarts healthy workers mid-task; probe a local heartbeat instead (workers/liveness.py).',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const { object, path, container } of celeryWorkers(unit.objects)) {
        const probe = container.livenessProbe;
        const command: string[] = probe?.exec?.command ?? [];
        if (!probe) {
          findings.push(
            findingOf(
              workerLivenessRule,
              context.locate(object, path, unit),
              `${describeObject(
                object,
              )} runs a Celery worker without a liveness probe: a worker whose event loop hangs is never restarted`,
            ),
          );
        } else if (/\bcelery\b.*\binspect\b/.test(command.join(' '))) {
          findings.push(
            findingOf(
              workerLivenessRule,
              context.locate(object, [...path, 'livenessProbe'], unit),
              `${describeObject(
                object,
              )} probes liveness with "celery inspect", a broker round trip: a Redis blip restarts the worker; use python -m workers.liveness`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
