import { WorkerPoolStatus } from '@worker-platform/plugin-worker-platform-common';
import {
  buildScenario,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { watchedKindOf } from '../summaries/watchedKinds';
import { ResourceSummary } from '../summaries/types';
import {
  assembleEntityStatus,
  compareEnvironments,
} from './assembleEntityStatus';

const now = new Date('2026-11-28T21:00:00Z');

function summariesOf(scenario = pingvasaiScenario): ResourceSummary[] {
  const { objects } = buildScenario(scenario, { now });
  return objects.flatMap(
    object => watchedKindOf(object)?.reduce(object, 'prod-eu') ?? [],
  );
}

function assemble(
  summaries = summariesOf(),
  depths: Record<string, number> = {},
  environmentOrder?: string[],
) {
  return assembleEntityStatus({
    environmentOrder,
    entityRef: 'component:default/pingvasai',
    summaries,
    clusters: [
      { name: 'prod-eu', connected: true, lastEventAt: now.toISOString() },
    ],
    queueDepth: ({ scaledObject, metric }) =>
      depths[`${scaledObject}/${metric}`] ?? null,
    now,
  });
}

const pool = (workers: WorkerPoolStatus[], name: string) =>
  workers.find(worker => worker.name === name)!;

describe('assembleEntityStatus', () => {
  it('groups the example service by environment, in promotion order', () => {
    const status = assemble();
    expect(status.entityRef).toBe('component:default/pingvasai');
    expect(status.stale).toBe(false);
    expect(status.environments.map(e => e.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    for (const environment of status.environments) {
      expect(environment.applications.map(a => a.component)).toEqual([
        'api',
        'worker',
      ]);
      expect(environment.workers.map(w => w.name)).toEqual([
        'api-relay',
        'gpu',
        'system',
      ]);
    }
  });

  it("lists environments in the spec's order when the Component gives it", () => {
    // A spec that promotes production first (a canary-style order the
    // promotion-order fallback would get wrong), naming one environment
    // the cluster does not run.
    const status = assemble(summariesOf(), {}, [
      'production',
      'canary',
      'development',
    ]);
    expect(status.environments.map(e => e.name)).toEqual([
      'production',
      'development',
      // Not in the spec (any more): after the spec's, in promotion order.
      'staging',
    ]);
    expect(
      [...['zeta', 'qa', 'alpha', 'production']].sort(
        compareEnvironments(['zeta']),
      ),
    ).toEqual(['zeta', 'qa', 'production', 'alpha']);
  });

  it('tells each pool state apart', () => {
    const [development, staging, production] = assemble().environments;
    expect(development.workers.map(w => w.state)).toEqual([
      'idle',
      'idle',
      'idle',
    ]);
    expect(pool(staging.workers, 'gpu').state).toBe('active');
    expect(pool(staging.workers, 'system').state).toBe('failing');
    expect(pool(production.workers, 'gpu')).toMatchObject({
      state: 'active',
      replicas: { current: 6, ready: 6, min: 0, max: 20 },
      scaledObject: 'pingvasai-gpu-worker',
      deployment: 'pingvasai-gpu-worker',
      namespace: 'pingvasai-production-worker',
    });
    expect(pool(production.workers, 'api-relay').state).toBe('idle');
    expect(pool(production.workers, 'system').state).toBe('paused');
  });

  it('shows ArgoCD state, the API Deployment and KEDA conditions', () => {
    const production = assemble().environments[2];
    expect(production.applications[0]).toMatchObject({
      name: 'pingvasai-production-api',
      sync: 'OutOfSync',
      health: 'Progressing',
      revision: '9f3e6b1d2c4a5e7f8091a2b3c4d5e6f708192a3b',
      operation: { phase: 'Running', finishedAt: null },
    });
    expect(production.api).toEqual({
      deployment: 'pingvasai-api',
      cluster: 'prod-eu',
      namespace: 'pingvasai-production-service',
      replicas: { desired: 5, ready: 4 },
      images: [
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/pingvasai-api:9f3e6b1',
      ],
    });
    const idle = pool(production.workers, 'api-relay');
    expect(idle.conditions.map(c => c.type)).toEqual([
      'Ready',
      'Active',
      'Fallback',
      'Paused',
      'AbleToScale',
      'ScalingActive',
    ]);
  });

  it('puts queue depths on triggers, null where unknown', () => {
    const production = assemble(summariesOf(), {
      'pingvasai-gpu-worker/s4-redis-free': 31,
    }).environments[2];
    expect(pool(production.workers, 'gpu').triggers.at(-1)).toEqual({
      queue: 'free',
      metric: 's4-redis-free',
      targetLength: 10,
      currentLength: 31,
      health: 'Happy',
    });
    expect(
      pool(production.workers, 'gpu').triggers[0].currentLength,
    ).toBeNull();
  });

  it('lists an environment without ScaledObjects with no workers', () => {
    const scenario = {
      ...pingvasaiScenario,
      environments: { staging: { withoutScaledObjects: true } },
    };
    const staging = assemble(summariesOf(scenario)).environments[1];
    expect(staging.name).toBe('staging');
    expect(staging.workers).toEqual([]);
    expect(staging.applications).toHaveLength(2);
  });

  it('is stale when a cluster is disconnected', () => {
    const status = assembleEntityStatus({
      entityRef: 'component:default/pingvasai',
      summaries: [],
      clusters: [
        { name: 'prod-eu', connected: false, lastEventAt: null, error: 'down' },
      ],
      queueDepth: () => null,
      now,
    });
    expect(status).toMatchObject({ stale: true, environments: [] });
  });
});
