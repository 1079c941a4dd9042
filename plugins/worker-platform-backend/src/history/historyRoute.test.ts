import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { workerPlatformStatusReadPermission } from '@worker-platform/plugin-worker-platform-common';
import request from 'supertest';
import { workerPlatformPlugin } from '../plugin';
import { workerPlatformEnvironmentConditions as conditions } from '../permissions/rules';
import { createWorkerPlatformEnvironmentConditionalDecision } from '../permissions/rules';
import {
  applyScenario,
  FakeKubernetesApiServer,
  pingvasaiScenario,
  createPolicyPermissionsService,
} from '@worker-platform/plugin-worker-platform-test-utils';
import {
  createTestBackendFeatures,
  eventually,
} from '../__testUtils__/testBackend';

const TOKEN = 'sa-token';
const ROUTE = '/api/worker-platform/history/component/default/pingvasai';
const OWNER = 'user:default/owner';
const OUTSIDER = 'user:default/outsider';
const STAGING_ONLY = 'user:default/intern';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'x' },
});

// The outsider reads nothing; the intern reads everything but production.
const policy = {
  async handle({ permission }: any, user?: any) {
    const claims: string[] = user?.info.ownershipEntityRefs ?? [];
    if (permission.name !== workerPlatformStatusReadPermission.name) {
      return { result: AuthorizeResult.DENY };
    }
    if (claims.includes(OUTSIDER)) return { result: AuthorizeResult.DENY };
    if (claims.includes(STAGING_ONLY)) {
      return createWorkerPlatformEnvironmentConditionalDecision(permission, {
        not: conditions.isEnvironment({ environments: ['production'] }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  },
};

describe('the history route', () => {
  let fake: FakeKubernetesApiServer;
  let server: any;
  let stop: () => Promise<void>;
  let recorded: ReturnType<typeof createTestBackendFeatures>;

  const get = (query: string, user: string = OWNER) =>
    request(server)
      .get(`${ROUTE}${query}`)
      .set('Authorization', mockCredentials.user.header(user));

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    recorded = createTestBackendFeatures({
      fake,
      token: TOKEN,
      entities: [
        {
          ...component('pingvasai'),
          metadata: {
            ...component('pingvasai').metadata,
            annotations: {
              'backstage.io/kubernetes-id': 'pingvasai',
              // The spec's order, which is not promotion order.
              'worker-platform.io/environments':
                'production, development, staging',
            },
          },
        },
      ],
      permissions: createPolicyPermissionsService({
        policy,
        ownershipOf: user => [user],
      }),
    });
    const backend = await startTestBackend({
      features: [workerPlatformPlugin, ...recorded.features],
    });
    server = backend.server;
    stop = () => backend.stop();
    await eventually(async () => {
      const body = (await get('?environment=production')).body;
      const gpu = body.environments?.[0]?.pools.find(
        (p: any) => p.name === 'gpu',
      );
      // Replicas come from the watch, the depths from the first view's poll.
      if (gpu?.points.at(-1)?.depths[4] !== 31) throw new Error('not yet');
    });
  });

  afterAll(async () => {
    await stop();
    await fake.stop();
  });

  beforeEach(() => {
    recorded.auditEvents.length = 0;
  });

  it("serves each pool's replicas and queue depths, and records a replica change from the watch", async () => {
    const before = (await get('?environment=production&minutes=60')).body;
    expect(before).toMatchObject({
      entityRef: 'component:default/pingvasai',
      minutes: 60,
      environments: [{ name: 'production' }],
    });
    const gpu = before.environments[0].pools.find((p: any) => p.name === 'gpu');
    expect(gpu.queues.map((q: any) => q.queue)).toEqual([
      'enterprise',
      'studio',
      'pro',
      'starter',
      'free',
    ]);
    // The pool appears with its Deployment: no made-up zero before the watch saw it.
    expect(gpu.points[0].desired).toBe(6);
    expect(gpu.points.at(-1)).toMatchObject({
      desired: 6,
      depths: [2, 3, 7, 0, 31],
    });

    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'pingvasai-production-worker',
      name: 'pingvasai-gpu-worker',
    };
    expect(fake.get(deployment)).toBeDefined();
    fake.update(deployment, (object: any) => {
      object.spec.replicas = 9;
      object.status = { ...object.status, replicas: 9, readyReplicas: 7 };
    });
    await eventually(async () => {
      const body = (await get('?environment=production')).body;
      const pool = body.environments[0].pools.find(
        (p: any) => p.name === 'gpu',
      );
      expect(pool.points.at(-1)).toMatchObject({ desired: 9, ready: 7 });
    });
  });

  it('is read under the status permission, per environment, and audited at low severity', async () => {
    expect((await get('', OUTSIDER)).status).toBe(403);
    expect((await get('?environment=production', STAGING_ONLY)).status).toBe(
      403,
    );
    const partial = await get('', STAGING_ONLY);
    expect(partial.status).toBe(200);
    expect(partial.body.environments.map((e: any) => e.name).sort()).toEqual([
      'development',
      'staging',
    ]);
    expect(recorded.auditEvents).toEqual([
      expect.objectContaining({
        eventId: 'history-read',
        severityLevel: 'low',
        status: 'failed',
      }),
      expect.objectContaining({
        eventId: 'history-read',
        status: 'failed',
        meta: expect.objectContaining({ environment: 'production' }),
      }),
      expect.objectContaining({
        eventId: 'history-read',
        status: 'succeeded',
        resultMeta: {
          environments: expect.not.arrayContaining(['production']),
        },
      }),
    ]);
  });

  it("lists environments in the spec's order from the Component's annotation", async () => {
    const body = (await get('')).body;
    expect(body.environments.map((e: any) => e.name)).toEqual([
      'production',
      'development',
      'staging',
    ]);
  });

  it('pushes new points over Signals only to the users who just read that environment', async () => {
    // The owner reads everything, the intern all but production.
    expect((await get('')).status).toBe(200);
    expect((await get('', STAGING_ONLY)).status).toBe(200);
    recorded.signals.publish.mockClear();
    const gpu = (environment: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: `pingvasai-${environment}-worker`,
      name: 'pingvasai-gpu-worker',
    });
    fake.update(gpu('production'), (object: any) => {
      object.spec.replicas = 12;
      object.status = { ...object.status, replicas: 12, readyReplicas: 11 };
    });
    fake.update(gpu('staging'), (object: any) => {
      object.spec.replicas = 3;
      object.status = { ...object.status, replicas: 3, readyReplicas: 3 };
    });
    const pushed = (environment: string) =>
      recorded.signals.publish.mock.calls
        .map(([signal]: any) => signal)
        .filter(
          (signal: any) =>
            signal.message.type === 'history-points' &&
            signal.message.environment === environment,
        )
        .at(-1);
    await eventually(async () => {
      const last = (environment: string) =>
        pushed(environment)
          ?.message.points.filter((p: any) => p.pool === 'gpu')
          .at(-1);
      expect(last('production')?.desired).toBe(12);
      expect(last('staging')?.desired).toBe(3);
    });
    expect(pushed('production')).toEqual({
      channel: 'worker-platform:status:component:default/pingvasai',
      recipients: { type: 'user', entityRef: [OWNER] },
      message: {
        type: 'history-points',
        entityRef: 'component:default/pingvasai',
        environment: 'production',
        points: expect.arrayContaining([
          expect.objectContaining({ pool: 'gpu', desired: 12, ready: 11 }),
        ]),
      },
    });
    expect(pushed('staging').recipients.entityRef.sort()).toEqual(
      [OWNER, STAGING_ONLY].sort(),
    );
    // What was pushed is what the route now serves, chained to the point
    // before it.
    const served = (
      await get('?environment=production')
    ).body.environments[0].pools.find((p: any) => p.name === 'gpu').points;
    const {
      previousAt,
      pool: _pool,
      ...point
    } = pushed('production')
      .message.points.filter((p: any) => p.pool === 'gpu')
      .at(-1);
    expect(served.at(-1)).toEqual(point);
    expect(served.at(-2).at).toBe(previousAt);
    // The broadcast still names the entity only.
    const broadcasts = recorded.signals.publish.mock.calls
      .map(([signal]: any) => signal)
      .filter((signal: any) => signal.recipients.type === 'broadcast');
    for (const signal of broadcasts) {
      expect(signal.message).toEqual({
        entityRef: 'component:default/pingvasai',
      });
    }
  });

  it('answers 401 without credentials, 400 for a bad query, 404 for an unknown entity', async () => {
    const anonymous = await request(server)
      .get(ROUTE)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const tooLong = await get('?minutes=61');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('minutes');
    expect((await get('?environment=../x')).status).toBe(400);
    const unknown = await request(server)
      .get('/api/worker-platform/history/component/default/nope')
      .set('Authorization', mockCredentials.user.header(OWNER));
    expect(unknown.status).toBe(404);
  });
});
