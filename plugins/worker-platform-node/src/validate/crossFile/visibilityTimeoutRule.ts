import { Finding } from '../types';
import { describeObject } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { celeryWorkers, containerVariable, optionValue } from './workloads';

/** The setting the generated Celery app reads into kombu's `visibility_timeout`. */
export const VISIBILITY_TIMEOUT_VARIABLE = 'CELERY_VISIBILITY_TIMEOUT';

/** A task is not handed to a second worker while the first may still run it. */
export const visibilityTimeoutRule: ValidationRule = {
  id: 'cross-file/visibility-timeout',
  family: 'cross-file',
  why: `Kombu puts a taken task back in its queue after the Redis visibility timeout (${VISIBILITY_TIMEOUT_VARIABLE}); one shorter than a worker's hard time limit starts a long task a second time while the first run goes on.`,
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      for (const { object, path, container, commandLine } of celeryWorkers(
        unit.objects,
      )) {
        const hard = Number(optionValue(commandLine, '--time-limit'));
        if (!Number.isFinite(hard)) continue; // cross-file/worker-shutdown reports it
        const raw = containerVariable(
          container,
          unit.objects,
          VISIBILITY_TIMEOUT_VARIABLE,
        );
        const timeout = Number(raw);
        if (raw === undefined || !Number.isFinite(timeout) || timeout < hard) {
          const configMap = unit.objects.find(
            o =>
              o.kind === 'ConfigMap' &&
              (container.envFrom ?? []).some(
                (s: any) => s?.configMapRef?.name === o.metadata?.name,
              ),
          );
          findings.push(
            findingOf(
              visibilityTimeoutRule,
              configMap
                ? context.locate(
                    configMap,
                    ['data', VISIBILITY_TIMEOUT_VARIABLE],
                    unit,
                  )
                : context.locate(object, [...path, 'env'], unit),
              raw === undefined
                ? `${describeObject(
                    object,
                  )} has no ${VISIBILITY_TIMEOUT_VARIABLE}; set it to at least its --time-limit of ${hard} s`
                : `${describeObject(
                    object,
                  )} may run a task ${hard} s (--time-limit), but ${VISIBILITY_TIMEOUT_VARIABLE} is ${raw}: a task still running would start again on another worker`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
