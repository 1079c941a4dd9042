/** Runs at most `concurrency` tasks at a time; the rest wait in order. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter with `concurrency` slots. */
export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter, so a caller
  // arriving in between cannot take it too.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async task => {
    if (running >= concurrency) {
      await new Promise<void>(resolve => waiting.push(resolve));
    } else {
      running++;
    }
    try {
      return await task();
    } finally {
      release();
    }
  };
}
