/**
 * How long to wait before retrying after failures.
 *
 * @public
 */
export interface BackoffOptions {
  /** The delay after the first failure; doubled after each further one. */
  initialDelayMs: number;
  /** The ceiling of the delay. */
  maxDelayMs: number;
}

/** Reconnect delays the watch cache uses unless told otherwise. */
export const DEFAULT_BACKOFF: BackoffOptions = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * The delay before retry number `failures` (1 for the first): capped
 * exponential with jitter between half and all of it, so that the watches of
 * many backends do not reconnect in lockstep after an API server restart.
 */
export function reconnectDelay(
  failures: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = options.initialDelayMs * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped * (0.5 + random() / 2));
}
