/**
 * How long a worker pool's tasks may run decides how it may be stopped.
 * Everything here follows from the spec's per-pool `taskTimeout`, so the
 * Celery limits, the Redis visibility timeout, the pods' grace period and
 * KEDA's scale-down pace can never disagree with each other. Pure.
 */

/** Seconds a task gets after its soft limit (SoftTimeLimitExceeded) to clean up before Celery kills it. */
export const TIME_LIMIT_CLEANUP_SECONDS = 30;

/** Seconds a pod gets after the hard limit to acknowledge, close its connections and exit. */
export const SHUTDOWN_MARGIN_SECONDS = 30;

/**
 * Seconds beyond the longest grace period of any pool before kombu puts an
 * unacknowledged task back in its queue. Kombu keeps every taken task of a
 * Redis database in one `unacked` hash, and any worker of the service may
 * restore it, so one timeout must outlast the slowest pool's shutdown, or a
 * task still finishing on a stopping pod would start a second time elsewhere.
 */
export const VISIBILITY_MARGIN_SECONDS = 60;

/** The HPA's longest allowed scale-down policy period. */
const MAX_HPA_POLICY_PERIOD_SECONDS = 1800;

/** KEDA scaler failures in a row before the fallback replica count applies. */
const FALLBACK_FAILURE_THRESHOLD = 3;

/** The limits of one pool, all in seconds. */
export interface TaskLimits {
  /** Celery's `--soft-time-limit`: the spec's `taskTimeout`. */
  softTimeLimit: number;
  /** Celery's `--time-limit`: the child process is killed after it. */
  hardTimeLimit: number;
  /** The pod's `terminationGracePeriodSeconds`: SIGTERM starts Celery's warm shutdown, which waits for running tasks. */
  terminationGracePeriodSeconds: number;
  /**
   * The period of KEDA's scale-down policy: at most half the pods go per
   * grace period, so the pods still finishing their tasks are not joined
   * by the rest of the pool at once.
   */
  scaleDownPeriodSeconds: number;
}

/** The limits of a pool whose tasks run for at most `taskTimeout` seconds. */
export function deriveTaskLimits(taskTimeout: number): TaskLimits {
  const hardTimeLimit = taskTimeout + TIME_LIMIT_CLEANUP_SECONDS;
  const terminationGracePeriodSeconds = hardTimeLimit + SHUTDOWN_MARGIN_SECONDS;
  return {
    softTimeLimit: taskTimeout,
    hardTimeLimit,
    terminationGracePeriodSeconds,
    scaleDownPeriodSeconds: Math.min(
      terminationGracePeriodSeconds,
      MAX_HPA_POLICY_PERIOD_SECONDS,
    ),
  };
}

/** The service-wide Redis `visibility_timeout` for pools with these limits. */
export function deriveVisibilityTimeout(limits: readonly TaskLimits[]): number {
  const longest = Math.max(
    0,
    ...limits.map(l => l.terminationGracePeriodSeconds),
  );
  return longest + VISIBILITY_MARGIN_SECONDS;
}

/** The HPA's longest allowed stabilization window. */
const MAX_HPA_STABILIZATION_SECONDS = 3600;

/** How KEDA treats a pool of one environment when its triggers fail and when it scales down. */
export interface ScalingSafety {
  /**
   * The replicas KEDA falls back to while the pool's triggers fail (Redis
   * unreachable, bad credentials): never zero, and with KEDA's
   * `currentReplicasIfHigher` behaviour a busy pool keeps the replicas it has.
   */
  fallbackReplicas: number;
  fallbackFailureThreshold: number;
  /**
   * KEDA's cooldownPeriod covers only the last step to zero; the HPA
   * decides every step before it, after this window.
   */
  scaleDownStabilizationSeconds: number;
}

/** The fallback and scale-down window of a pool with these scaling bounds. */
export function deriveScalingSafety(scaling: {
  min: number;
  cooldownPeriod: number;
}): ScalingSafety {
  return {
    fallbackReplicas: Math.max(1, scaling.min),
    fallbackFailureThreshold: FALLBACK_FAILURE_THRESHOLD,
    scaleDownStabilizationSeconds: Math.min(
      scaling.cooldownPeriod,
      MAX_HPA_STABILIZATION_SECONDS,
    ),
  };
}
