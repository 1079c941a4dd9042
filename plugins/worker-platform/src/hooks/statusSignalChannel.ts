/**
 * The Signals channel the worker-platform backend publishes on when an
 * entity's status changes (DESIGN.md, "Observe"): `worker-platform:status:<entityRef>`.
 */
export function statusSignalChannel(entityRef: string): string {
  return `worker-platform:status:${entityRef}`;
}
