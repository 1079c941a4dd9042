import { applyScenario, pingvasaiScenario } from './applyScenario';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import {
  buildScenario,
  FakeEnvironmentScenario,
  FakeScenario,
} from './scenario';
import { FakeKubernetesObject } from './types';

/** One step of a demo: what the cluster looks like from `atMs` on. */
export interface DemoStep {
  atMs: number;
  /** What a viewer should notice, printed when the step plays. */
  caption: string;
  scenario: FakeScenario;
}

// Staging already runs development's commit; production is one promotion
// behind, which the Deployments tab's promotion matrix shows at once.
const PROMOTED_REVISION =
  pingvasaiScenario.environments?.development?.applications?.api?.revision;

function withProduction(production: FakeEnvironmentScenario): FakeScenario {
  const staging = pingvasaiScenario.environments?.staging ?? {};
  return {
    ...pingvasaiScenario,
    environments: {
      ...pingvasaiScenario.environments,
      staging: {
        ...staging,
        applications: {
          ...staging.applications,
          api: { ...staging.applications?.api, revision: PROMOTED_REVISION },
          workers: {
            ...staging.applications?.workers,
            revision: PROMOTED_REVISION,
          },
        },
      },
      production,
    },
  };
}

const DEPLOYED_REVISION = '9f3e6b1d2c4a5e7f8091a2b3c4d5e6f708192a3b';
const SYNCED = {
  sync: 'Synced' as const,
  health: 'Healthy' as const,
  revision: DEPLOYED_REVISION,
  operation: {
    phase: 'Succeeded',
    message: 'successfully synced (all tasks run)',
  },
};
// A new commit waits in git: production's API is OutOfSync until someone
// clicks Sync (the fake ArgoCD controller then runs the sync).
const WAITING_FOR_SYNC = { ...SYNCED, sync: 'OutOfSync' as const };
const APPLICATIONS = { api: WAITING_FOR_SYNC, workers: SYNCED };

/**
 * How long the demo's scenario runs before it starts over. Four minutes, so
 * that each scale-up and scale-down reads as one shape on the 60-minute
 * scaling chart (a one-minute loop drew a comb of thin spikes), while a
 * viewer still sees a whole cycle soon after opening the page.
 */
export const DEMO_LOOP_MS = 240_000;

/**
 * The demo cluster's four minutes, looped: production's API OutOfSync with a new
 * commit (Sync it from the Deployments tab), a GPU backlog that scales the
 * pool up to its ceiling, the queue draining and the pool returning to idle
 * at zero (0 → 20 → 0 on the pool's scaling chart) — while the system pool
 * stays paused, staging keeps a failing trigger and runs a newer commit than
 * production, so every state shows.
 */
export function pingvasaiDemoTimeline(): DemoStep[] {
  const idlePools = {
    gpu: { replicas: 0 },
    'api-relay': { replicas: 0 },
    system: { paused: true },
  };
  return [
    {
      atMs: 0,
      caption:
        'production: a new commit waits (API OutOfSync: click Sync); GPU pool idle at zero',
      scenario: withProduction({
        applications: APPLICATIONS,
        api: { replicas: 5 },
        workers: idlePools,
      }),
    },
    {
      atMs: 20_000,
      caption: 'production: GPU queues filling, the pool scales up',
      scenario: withProduction({
        applications: APPLICATIONS,
        api: { replicas: 5 },
        workers: {
          ...idlePools,
          gpu: {
            replicas: 4,
            ready: 2,
            queues: { enterprise: 1, pro: 9, free: 40 },
          },
        },
      }),
    },
    {
      atMs: 40_000,
      caption: 'production: GPU pool at its ceiling of 20 replicas',
      scenario: withProduction({
        applications: APPLICATIONS,
        api: { replicas: 5 },
        workers: {
          ...idlePools,
          gpu: {
            replicas: 20,
            queues: { enterprise: 3, studio: 12, pro: 40, free: 180 },
          },
        },
      }),
    },
    {
      atMs: 120_000,
      caption: 'production: backlog draining, GPU pool scaling down',
      scenario: withProduction({
        applications: APPLICATIONS,
        api: { replicas: 5 },
        workers: { ...idlePools, gpu: { replicas: 3, queues: { free: 6 } } },
      }),
    },
    {
      atMs: 160_000,
      caption: 'production: queues empty, GPU pool back to idle at zero',
      scenario: withProduction({
        applications: APPLICATIONS,
        api: { replicas: 5 },
        workers: idlePools,
      }),
    },
  ];
}

/**
 * Plays a timeline into a fake server, looping after `loopAfterMs` when set.
 * Objects `keep` selects are only created, never overwritten: the demo
 * leaves Applications to the fake ArgoCD controller and the user's
 * operations once they exist. Returns a function that stops it.
 */
export function playTimeline(
  server: FakeKubernetesApiServer,
  steps: DemoStep[],
  options: {
    loopAfterMs?: number;
    onStep?: (step: DemoStep) => void;
    keep?: (object: FakeKubernetesObject) => boolean;
  } = {},
): () => void {
  const timers: NodeJS.Timeout[] = [];
  const schedule = (offsetMs: number) => {
    for (const step of steps) {
      timers.push(
        setTimeout(() => {
          if (options.keep) {
            const { objects, metrics } = buildScenario(step.scenario);
            for (const object of objects) {
              const exists =
                options.keep(object) &&
                server.get({
                  apiVersion: object.apiVersion,
                  kind: object.kind,
                  namespace: object.metadata.namespace,
                  name: object.metadata.name,
                });
              if (!exists) server.upsert(object);
            }
            metrics.forEach(metric => server.setMetric(metric));
          } else {
            applyScenario(server, step.scenario);
          }
          options.onStep?.(step);
        }, offsetMs + step.atMs),
      );
    }
    if (options.loopAfterMs) {
      timers.push(
        setTimeout(() => {
          timers.length = 0;
          schedule(0);
        }, offsetMs + options.loopAfterMs),
      );
    }
  };
  schedule(0);
  return () => timers.forEach(clearTimeout);
}
