import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import request from 'supertest';
import {
  FakeKubernetesApiServer,
  applyScenario,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { workerPlatformPlugin } from './plugin';

const TOKEN = 'sa-token';
const ROUTE = '/api/worker-platform/status/component/default/pingvasai';

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/platform',
    lifecycle: 'production',
  },
});

const ENTITIES = [
  entity('pingvasai', { 'backstage.io/kubernetes-id': 'pingvasai' }),
  entity('docs-site', {}),
  entity('secret-service', { 'backstage.io/kubernetes-id': 'pingvasai' }),
];
// The catalog hides this entity from everyone but its owner.
const OWNER = 'user:default/owner';

describe('workerPlatformPlugin', () => {
  let fake: FakeKubernetesApiServer;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stopBackend: () => Promise<void>;
  const publish = jest.fn().mockResolvedValue(undefined);
  const getEntityByRef = jest.fn(async (ref: any, { credentials }: any) => {
    const found = ENTITIES.find(
      e => stringifyEntityRef(e) === stringifyEntityRef(ref),
    );
    const hidden =
      found?.metadata.name === 'secret-service' &&
      credentials.principal?.userEntityRef !== OWNER;
    return hidden ? undefined : found;
  });

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    const backend = await startTestBackend({
      features: [
        workerPlatformPlugin,
        mockServices.rootConfig.factory({
          data: {
            // No background round during the test: only a first view fetches depths.
            workerPlatform: { queueDepth: { refreshIntervalSeconds: 3600 } },
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'prod-eu',
                      url: fake.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: TOKEN,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
        catalogServiceMock.mock({ getEntityByRef }).factory,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish }),
        }),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend();
    await fake.stop();
  });

  it('serves the status of an entity the caller may read', async () => {
    let body: any;
    for (let attempt = 0; attempt < 100; attempt++) {
      body = (await request(server).get(ROUTE).expect(200)).body;
      if (body.environments.length === 3 && !body.stale) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    expect(body).toMatchObject({
      entityRef: 'component:default/pingvasai',
      stale: false,
      clusters: [{ name: 'prod-eu', connected: true }],
    });
    expect(body.environments.map((e: any) => e.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(JSON.stringify(body)).not.toContain(fake.url);
    // The catalog was asked with the caller's own credentials.
    expect(getEntityByRef).toHaveBeenLastCalledWith(
      { kind: 'component', namespace: 'default', name: 'pingvasai' },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'user' }),
        }),
      },
    );
  });

  it('shows a ScaledObject change through the route within a second', async () => {
    fake.update(
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        namespace: 'pingvasai-production-worker',
        name: 'pingvasai-api-relay-worker',
      },
      object => {
        object.metadata.annotations = { 'autoscaling.keda.sh/paused': 'true' };
      },
    );
    const started = Date.now();
    let state: string | undefined;
    while (Date.now() - started < 1000 && state !== 'paused') {
      const body = (await request(server).get(ROUTE)).body;
      state = body.environments[2].workers.find(
        (w: any) => w.name === 'api-relay',
      ).state;
    }
    expect(state).toBe('paused');
  });

  it('answers 100 page views with per-queue depths and no request to the cluster', async () => {
    // Until every depth arrived, so that no fetch is still in flight.
    let body: any;
    for (let attempt = 0; attempt < 100; attempt++) {
      body = (await request(server).get(ROUTE)).body;
      const depths = body.environments.flatMap((e: any) =>
        e.workers.flatMap((w: any) =>
          w.triggers.map((t: any) => t.currentLength),
        ),
      );
      if (!depths.includes(null)) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const gpu = body.environments[2].workers.find((w: any) => w.name === 'gpu');
    expect(gpu).toMatchObject({
      state: 'active',
      replicas: { current: 6, ready: 6, min: 0, max: 20 },
    });
    expect(gpu.triggers.map((t: any) => [t.queue, t.currentLength])).toEqual([
      ['enterprise', 2],
      ['studio', 3],
      ['pro', 7],
      ['starter', 0],
      ['free', 31],
    ]);
    fake.resetRequestCounts();
    for (let i = 0; i < 100; i++) {
      await request(server).get(ROUTE);
    }
    expect(fake.requestCounts.total).toBe(0);
  }, 20_000);

  it('serves services as well as users', async () => {
    const response = await request(server)
      .get(ROUTE)
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  it('answers 401 without credentials', async () => {
    const response = await request(server)
      .get(ROUTE)
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('answers 404 for a missing entity and for one the caller may not read', async () => {
    const status = async (path: string, user?: string) => {
      const call = request(server).get(`/api/worker-platform/status/${path}`);
      if (user) call.set('Authorization', mockCredentials.user.header(user));
      return (await call).status;
    };
    expect(await status('component/default/nope')).toBe(404);
    expect(await status('component/default/secret-service')).toBe(404);
    expect(await status('component/default/secret-service', OWNER)).toBe(200);
  });

  it('refuses malformed input, naming the field', async () => {
    const response = await request(server)
      .get('/api/worker-platform/status/component/default/bad%20name')
      .expect(400);
    expect(response.body.error.message).toMatch(/^name: /);
  });

  it('explains an entity without a kubernetes-id', async () => {
    const response = await request(server)
      .get('/api/worker-platform/status/component/default/docs-site')
      .expect(400);
    expect(response.body.error.message).toContain('backstage.io/kubernetes-id');
  });
});
