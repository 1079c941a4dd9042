/**
 * The scaling history of an entity's worker pools, as served by
 * `GET /api/worker-platform/history/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityScalingHistory {
  /** `component:default/pingvasai` */
  entityRef: string;
  /** ISO time the response was assembled; the right edge of every chart. */
  generatedAt: string;
  /** How far back the history reaches, in minutes. */
  minutes: number;
  environments: EnvironmentScalingHistory[];
}

/**
 * The pools of one environment.
 *
 * @public
 */
export interface EnvironmentScalingHistory {
  name: string;
  pools: PoolScalingHistory[];
}

/**
 * One worker pool's points, oldest first.
 *
 * @public
 */
export interface PoolScalingHistory {
  /** The pool's name (the `worker-platform.io/worker` label). */
  name: string;
  /** The queues its triggers watch, in the order of each point's `depths`. */
  queues: QueueTarget[];
  /**
   * A point is recorded when the pool's replicas or a queue's depth change;
   * values hold until the next point. Empty when nothing was recorded in the
   * window (the backend started later, or the pool is new).
   */
  points: ScalingPoint[];
  /** ISO time the backend started recording this pool; earlier is unknown. */
  recordedSince: string | null;
}

/**
 * A queue and the length per replica KEDA aims for.
 *
 * @public
 */
export interface QueueTarget {
  queue: string;
  targetLength: number | null;
}

/**
 * The pool's state from `at` until the next point.
 *
 * @public
 */
export interface ScalingPoint {
  /** ISO time. */
  at: string;
  /** The Deployment's desired replicas. */
  desired: number;
  /** Replicas ready to take work. */
  ready: number;
  /** Depth of each queue of {@link PoolScalingHistory.queues}; null when unknown. */
  depths: Array<number | null>;
}
