/**
 * The Signals channel the status backend publishes on about one entity; the
 * frontend subscribes to it. Two messages travel on it:
 * {@link StatusChangedSignal}, broadcast, and {@link HistoryPointsSignal},
 * sent only to users who may read what it carries.
 *
 * @public
 */
export function statusSignalChannel(entityRef: string): string {
  return `worker-platform:status:${entityRef}`;
}

/**
 * An entity's deploy status changed: refetch
 * `GET /api/worker-platform/status/...`. Broadcast to every subscriber, so it
 * carries no status data, only which entity changed — nothing the route
 * would not reveal.
 *
 * @public
 */
export type StatusChangedSignal = {
  /** The entity whose status changed, as `stringifyEntityRef` writes it. */
  entityRef: string;
};

/**
 * A new point of one pool's scaling history, as pushed: a `ScalingPoint`
 * (spelled out: Signals messages must be plain JSON object types) with its
 * pool and the point before it.
 *
 * @public
 */
export type PushedScalingPoint = {
  /** The pool's name. */
  pool: string;
  /** ISO time. */
  at: string;
  desired: number;
  ready: number;
  /** One per queue of the pool's history, in its order; null when unknown. */
  depths: Array<number | null>;
  /**
   * ISO time of the pool's point before this one; null when this point
   * starts the pool's history (a new pool, or its queues changed). A reader
   * whose last point is another one missed something and refetches.
   */
  previousAt: string | null;
};

/**
 * New scaling-history points of one environment, in the order recorded.
 * Sent only to users who read that environment's history under
 * `worker-platform.status.read` shortly before, never broadcast.
 *
 * @public
 */
export type HistoryPointsSignal = {
  type: 'history-points';
  entityRef: string;
  environment: string;
  points: PushedScalingPoint[];
};

/**
 * A message on {@link statusSignalChannel}.
 *
 * @public
 */
export type StatusSignalMessage = StatusChangedSignal | HistoryPointsSignal;

/**
 * Whether a message on the status channel carries history points.
 *
 * @public
 */
export function isHistoryPointsSignal(
  message: StatusSignalMessage,
): message is HistoryPointsSignal {
  return (message as HistoryPointsSignal).type === 'history-points';
}
