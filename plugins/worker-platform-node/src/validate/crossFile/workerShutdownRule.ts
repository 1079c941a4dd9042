import { Finding } from '../types';
import { describeObject, valueAt } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { celeryWorkers, optionValue } from './workloads';

/** Seconds a worker needs after its hard time limit to acknowledge and exit. */
export const SHUTDOWN_MARGIN_SECONDS = 10;

/** Kubernetes' grace period when a pod spec sets none. */
const DEFAULT_GRACE_SECONDS = 30;

/** A worker pod outlives its longest task when it is told to stop. */
export const workerShutdownRule: ValidationRule = {
  id: 'cross-file/worker-shutdown',
  family: 'cross-file',
  why: `On SIGTERM (KEDA scaling a pool down) Celery finishes its running tasks; a grace period shorter than the hard time limit plus ${SHUTDOWN_MARGIN_SECONDS} s kills a task that was allowed to run, and without a hard limit a stuck task outlasts any grace period.`,
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const { object, path, commandLine } of celeryWorkers(unit.objects)) {
        const hard = Number(optionValue(commandLine, '--time-limit'));
        if (!Number.isFinite(hard) || hard <= 0) {
          findings.push(
            findingOf(
              workerShutdownRule,
              context.locate(object, [...path, 'command'], unit),
              `${describeObject(
                object,
              )} starts a Celery worker without a numeric --time-limit, so no grace period can be long enough for its tasks`,
            ),
          );
          continue;
        }
        const podSpec = path.slice(0, -2);
        const grace = Number(
          valueAt(object, [...podSpec, 'terminationGracePeriodSeconds']) ??
            DEFAULT_GRACE_SECONDS,
        );
        if (grace < hard + SHUTDOWN_MARGIN_SECONDS) {
          findings.push(
            findingOf(
              workerShutdownRule,
              context.locate(
                object,
                [...podSpec, 'terminationGracePeriodSeconds'],
                unit,
              ),
              `${describeObject(
                object,
              )} gets ${grace} s to stop, but its tasks may run ${hard} s (--time-limit); make terminationGracePeriodSeconds at least ${
                hard + SHUTDOWN_MARGIN_SECONDS
              }`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
