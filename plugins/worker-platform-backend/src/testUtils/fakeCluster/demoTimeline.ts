import { applyScenario, pingvasaiScenario } from './applyScenario';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { FakeEnvironmentScenario, FakeScenario } from './scenario';

/** One step of a demo: what the cluster looks like from `atMs` on. */
export interface DemoStep {
  atMs: number;
  /** What a viewer should notice, printed when the step plays. */
  caption: string;
  scenario: FakeScenario;
}

function withProduction(production: FakeEnvironmentScenario): FakeScenario {
  return {
    ...pingvasaiScenario,
    environments: { ...pingvasaiScenario.environments, production },
  };
}

const NEW_REVISION = '4b7d2c9e1f3a5b6c7d8e9f0a1b2c3d4e5f6a7b8c';
const SYNCED = {
  sync: 'Synced' as const,
  health: 'Healthy' as const,
  revision: NEW_REVISION,
  operation: {
    phase: 'Succeeded',
    message: 'successfully synced (all tasks run)',
  },
};

/**
 * The demo cluster's minute, looped: a production sync in progress that
 * completes, a GPU backlog that scales the pool up to its ceiling, the queue
 * draining and the pool returning to idle at zero — while the system pool
 * stays paused and staging keeps a failing trigger, so every state shows.
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
        'production: sync of a new revision running; GPU pool idle at zero',
      scenario: withProduction({
        applications: {
          api: {
            sync: 'OutOfSync',
            health: 'Progressing',
            revision: NEW_REVISION,
            operation: {
              phase: 'Running',
              message:
                'waiting for healthy state of apps/Deployment/pingvasai-api',
            },
          },
        },
        api: { replicas: 5, ready: 3 },
        workers: idlePools,
      }),
    },
    {
      atMs: 10_000,
      caption:
        'production: sync succeeded; GPU queues filling, the pool scales up',
      scenario: withProduction({
        applications: { api: SYNCED, workers: SYNCED },
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
      atMs: 20_000,
      caption: 'production: GPU pool at its ceiling of 20 replicas',
      scenario: withProduction({
        applications: { api: SYNCED, workers: SYNCED },
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
      atMs: 35_000,
      caption: 'production: backlog draining, GPU pool scaling down',
      scenario: withProduction({
        applications: { api: SYNCED, workers: SYNCED },
        api: { replicas: 5 },
        workers: { ...idlePools, gpu: { replicas: 3, queues: { free: 6 } } },
      }),
    },
    {
      atMs: 50_000,
      caption: 'production: queues empty, GPU pool back to idle at zero',
      scenario: withProduction({
        applications: { api: SYNCED, workers: SYNCED },
        api: { replicas: 5 },
        workers: idlePools,
      }),
    },
  ];
}

/**
 * Plays a timeline into a fake server, looping after `loopAfterMs` when set.
 * Returns a function that stops it.
 */
export function playTimeline(
  server: FakeKubernetesApiServer,
  steps: DemoStep[],
  options: { loopAfterMs?: number; onStep?: (step: DemoStep) => void } = {},
): () => void {
  const timers: NodeJS.Timeout[] = [];
  const schedule = (offsetMs: number) => {
    for (const step of steps) {
      timers.push(
        setTimeout(() => {
          applyScenario(server, step.scenario);
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
