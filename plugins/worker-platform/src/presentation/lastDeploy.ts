import type { EnvironmentStatus } from '@worker-platform/plugin-worker-platform-common';

/**
 * When anything was last deployed to the environment: the newest history
 * entry across its Applications, or null when ArgoCD has no history yet.
 */
export function lastDeployedAt(environment: EnvironmentStatus): string | null {
  const times = environment.applications
    .flatMap(app => app.history.map(entry => entry.deployedAt))
    .filter(time => !Number.isNaN(Date.parse(time)));
  if (times.length === 0) {
    return null;
  }
  return times.reduce((latest, time) =>
    Date.parse(time) > Date.parse(latest) ? time : latest,
  );
}
