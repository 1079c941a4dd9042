import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/**
 * The current time, updated every `intervalMs`, so that "2 min old" keeps
 * counting while no new status arrives.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), intervalMs);
  return now;
}
