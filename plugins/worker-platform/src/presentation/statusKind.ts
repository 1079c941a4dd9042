/**
 * Which of Backstage's status indicators (`StatusOK`, `StatusWarning`,
 * `StatusError`, `StatusPending`, `StatusRunning`, `StatusAborted` of
 * `@backstage/core-components`) stands next to a status word. Every status is
 * shown with its word, so nothing relies on the indicator's icon or colour alone.
 */
export type StatusKind =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';
