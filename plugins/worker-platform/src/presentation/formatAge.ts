const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `iso` was, relative to `now`, in the short form the status
 * views use: `12 s`, `2 min`, `3 h`, `4 d`. Times slightly in the future (clock
 * skew between the browser and the cluster) read as `0 s` rather than negative.
 */
export function formatAge(iso: string, now: number): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (Number.isNaN(elapsed)) {
    return 'unknown';
  }
  if (elapsed < MINUTE) {
    return `${Math.floor(elapsed / SECOND)} s`;
  }
  if (elapsed < HOUR) {
    return `${Math.floor(elapsed / MINUTE)} min`;
  }
  if (elapsed < DAY) {
    return `${Math.floor(elapsed / HOUR)} h`;
  }
  return `${Math.floor(elapsed / DAY)} d`;
}
