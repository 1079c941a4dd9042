import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { workerPlatformPlugin } from '../plugin';
import {
  createWorkerPlatformEnvironmentConditionalDecision,
  workerPlatformEnvironmentConditions as conditions,
} from '../permissions/rules';
import {
  FakeKubernetesApiServer,
  createPolicyPermissionsService,
  pingvasaiArgoCdObjects,
} from '@worker-platform/plugin-worker-platform-test-utils';
import {
  createTestBackendFeatures,
  eventually,
} from '../__testUtils__/testBackend';

const pingvasaiArgoCdBuild = pingvasaiArgoCdObjects();
const TOKEN = 'sa-token';
const ROUTE = '/api/worker-platform/registrations/component/default/pingvasai';
const OWNER = 'user:default/owner';
const OUTSIDER = 'user:default/outsider';

const pingvasai: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
  spec: { type: 'service', owner: OWNER, lifecycle: 'production' },
};

// Owners may register anywhere; others only outside production.
const policy = {
  async handle({ permission }: any, user?: any) {
    const claims: string[] = user?.info.ownershipEntityRefs ?? [];
    return createWorkerPlatformEnvironmentConditionalDecision(permission, {
      anyOf: [
        conditions.isEntityOwner({ claims }),
        { not: conditions.isEnvironment({ environments: ['production'] }) },
      ],
    });
  },
};

describe('POST /registrations/:kind/:namespace/:name', () => {
  let fake: FakeKubernetesApiServer;
  let server: any;
  let auditEvents: ReturnType<typeof createTestBackendFeatures>['auditEvents'];

  const start = async (entities: Entity[]) => {
    const test = createTestBackendFeatures({
      fake,
      token: TOKEN,
      entities,
      permissions: createPolicyPermissionsService({ policy }),
      workerPlatform: {
        argocd: {
          registration: {
            clusters: [{ name: 'prod-eu', namespace: 'argocd' }],
          },
        },
      },
    });
    auditEvents = test.auditEvents;
    const backend = await startTestBackend({
      features: [workerPlatformPlugin, ...test.features],
    });
    server = backend.server;
  };

  beforeEach(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
  });
  afterEach(() => fake.stop());

  const post = (user: string, body: unknown, route = ROUTE) =>
    request(server)
      .post(route)
      .set('Authorization', mockCredentials.user.header(user))
      .send(body as object);

  it('registers for an owner: dry run when asked, then applied, then unchanged; each attempt audited', async () => {
    await start([pingvasai]);
    const body = { cluster: 'prod-eu', objects: pingvasaiArgoCdBuild };

    const dryRun = await post(OWNER, { ...body, dryRun: true });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({
      service: 'pingvasai',
      cluster: 'prod-eu',
      namespace: 'argocd',
      dryRun: true,
      result: 'dry-run',
    });
    expect(fake.patches.every(p => p.dryRun)).toBe(true);

    const applied = await post(OWNER, body);
    expect(applied.body.result).toBe('applied');
    const again = await post(OWNER, body);
    expect(again.body.result).toBe('unchanged');

    expect(
      auditEvents.map(e => [e.eventId, e.status, e.resultMeta?.result]),
    ).toEqual([
      ['argocd-registration', 'succeeded', 'dry-run'],
      ['argocd-registration', 'succeeded', 'applied'],
      ['argocd-registration', 'succeeded', 'unchanged'],
    ]);
    expect(auditEvents[1].meta).toMatchObject({
      actor: OWNER,
      entityRef: 'component:default/pingvasai',
      cluster: 'prod-eu',
      environments: ['development', 'production', 'staging'],
      dryRun: false,
    });
  });

  it("after registration, the entity's status lists every environment's Applications", async () => {
    await start([pingvasai]);
    const registered = await post(OWNER, {
      cluster: 'prod-eu',
      objects: pingvasaiArgoCdBuild,
    });
    expect(registered.body.result).toBe('applied');
    await eventually(async () => {
      const status = await request(server)
        .get('/api/worker-platform/status/component/default/pingvasai')
        .set('Authorization', mockCredentials.user.header(OWNER));
      expect(
        status.body.environments.map((environment: any) => [
          environment.name,
          environment.applications.map((a: any) => a.name).sort(),
        ]),
      ).toEqual([
        [
          'development',
          ['pingvasai-development-api', 'pingvasai-development-workers'],
        ],
        ['staging', ['pingvasai-staging-api', 'pingvasai-staging-workers']],
        [
          'production',
          ['pingvasai-production-api', 'pingvasai-production-workers'],
        ],
      ]);
    }, 10_000);
  });

  it('refuses production to a non-owner with 403 and sends nothing', async () => {
    await start([pingvasai]);
    const response = await post(OUTSIDER, {
      cluster: 'prod-eu',
      objects: pingvasaiArgoCdBuild,
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'worker-platform.argocd.register is not granted for component:default/pingvasai in production',
    );
    // The status watch lists and watches; registration would get and patch.
    expect(fake.requestCounts.get + fake.requestCounts.patch).toBe(0);
    expect(auditEvents[0]).toMatchObject({
      status: 'failed',
      resultMeta: { result: 'denied' },
    });
  });

  it('lets the user decide for a new service not yet in the catalog (no owners)', async () => {
    await start([]);
    const development = pingvasaiArgoCdBuild.filter(
      o =>
        o.kind === 'AppProject' ||
        o.metadata.labels?.['worker-platform.io/environment'] === 'development',
    );
    const response = await post(OUTSIDER, {
      cluster: 'prod-eu',
      objects: development,
    });
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('applied');
    expect(
      (
        await post(OUTSIDER, {
          cluster: 'prod-eu',
          objects: pingvasaiArgoCdBuild,
        })
      ).status,
    ).toBe(403);
  });

  it('answers 400 for a cluster not open for registration, or a malformed body', async () => {
    await start([pingvasai]);
    const cluster = await post(OWNER, {
      cluster: 'staging-us',
      objects: pingvasaiArgoCdBuild,
    });
    expect(cluster.status).toBe(400);
    expect(cluster.body.error.message).toBe(
      'cluster: staging-us is not open for registration; allowed: prod-eu (workerPlatform.argocd.registration.clusters)',
    );
    const malformed = await post(OWNER, { cluster: 'prod-eu', objects: [] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe(
      'objects: Too small: expected array to have >=1 items',
    );
  });

  it('registers into the only cluster open for registration when none is named', async () => {
    await start([pingvasai]);
    const response = await post(OWNER, {
      objects: pingvasaiArgoCdBuild,
      dryRun: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      cluster: 'prod-eu',
      result: 'dry-run',
    });
  });

  it('answers 200 with the refusal when a guard refuses', async () => {
    await start([pingvasai]);
    const hostile = structuredClone(pingvasaiArgoCdBuild);
    (hostile[1].spec as any).project = 'default';
    const response = await post(OWNER, {
      cluster: 'prod-eu',
      objects: hostile,
    });
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('refused');
    expect(response.body.objects[0]).toEqual({
      kind: 'Application',
      namespace: 'argocd',
      name: 'pingvasai-development-api',
      outcome: 'refused',
      message: "its project default is not the service's AppProject pingvasai",
    });
    // The status watch lists and watches; registration would get and patch.
    expect(fake.requestCounts.get + fake.requestCounts.patch).toBe(0);
    expect(auditEvents[0]).toMatchObject({
      status: 'failed',
      resultMeta: { result: 'refused' },
    });
  });
});

describe('GET /registrations/clusters', () => {
  let fake: FakeKubernetesApiServer;
  beforeEach(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
  });
  afterEach(() => fake.stop());

  const start = async (clusters?: object[]) => {
    const test = createTestBackendFeatures({
      fake,
      token: TOKEN,
      entities: [],
      workerPlatform: clusters
        ? { argocd: { registration: { clusters } } }
        : undefined,
    });
    return (
      await startTestBackend({
        features: [workerPlatformPlugin, ...test.features],
      })
    ).server;
  };

  it('lists the clusters open for registration with their ArgoCD namespace, to signed-in callers only', async () => {
    const server = await start([{ name: 'prod-eu', namespace: 'gitops' }]);
    const listed = await request(server)
      .get('/api/worker-platform/registrations/clusters')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      clusters: [{ name: 'prod-eu', namespace: 'gitops' }],
    });
    const anonymous = await request(server)
      .get('/api/worker-platform/registrations/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('lists none when none is configured', async () => {
    const server = await start();
    const listed = await request(server)
      .get('/api/worker-platform/registrations/clusters')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(listed.body).toEqual({ clusters: [] });
  });
});
