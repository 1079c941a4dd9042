/**
 * The Signals channel the status backend publishes on when an entity's
 * deploy status changes; the frontend subscribes to it and refetches
 * `GET /api/worker-platform/status/...`. The message carries no status data,
 * only which entity changed, so it reveals nothing the route would not.
 */
export function statusSignalChannel(entityRef: string): string {
  return `worker-platform:status:${entityRef}`;
}

/** The message published on {@link statusSignalChannel}. */
export interface StatusSignalMessage {
  [key: string]: string;
  /** The entity whose status changed, as `stringifyEntityRef` writes it. */
  entityRef: string;
}
