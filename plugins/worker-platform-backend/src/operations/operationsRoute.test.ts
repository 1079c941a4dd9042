import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  workerPlatformArgoCdRollbackPermission,
  workerPlatformStatusReadPermission,
} from '@worker-platform/plugin-worker-platform-common';
import request from 'supertest';
import { workerPlatformPlugin } from '../plugin';
import {
  createWorkerPlatformEnvironmentConditionalDecision,
  workerPlatformEnvironmentConditions as conditions,
} from '../permissions/rules';
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
const ROUTE = '/api/worker-platform/operations/component/default/pingvasai';
const OWNER = 'user:default/owner';
const OUTSIDER = 'user:default/outsider';
const SECRET_KEEPER = 'user:default/keeper';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const app = (name: string) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  namespace: 'argocd',
  name,
});
const scaledObject = (environment: string, pool: string) => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  namespace: `pingvasai-${environment}-worker`,
  name: `pingvasai-${pool}-worker`,
});

// Owners may do anything but roll back production; others may only read.
const policy = {
  async handle({ permission }: any, user?: any) {
    const claims: string[] = user?.info.ownershipEntityRefs ?? [];
    if (permission.name === workerPlatformStatusReadPermission.name) {
      return {
        result: claims.includes(OUTSIDER)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      };
    }
    const owner = conditions.isEntityOwner({ claims });
    return createWorkerPlatformEnvironmentConditionalDecision(
      permission,
      permission.name === workerPlatformArgoCdRollbackPermission.name
        ? {
            allOf: [
              owner,
              {
                not: conditions.isEnvironment({ environments: ['production'] }),
              },
            ],
          }
        : owner,
    );
  },
};

describe('the operations route (and the status route under its read permission)', () => {
  let fake: FakeKubernetesApiServer;
  let server: any;
  let stop: () => Promise<void>;
  let recorded: ReturnType<typeof createTestBackendFeatures>;

  const post = (body: object, user: string | null = OWNER, route = ROUTE) => {
    const call = request(server).post(route).send(body);
    return user
      ? call.set('Authorization', mockCredentials.user.header(user))
      : call;
  };

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    // An Application of another service, in the same ArgoCD namespace.
    const foreign = fake.get(app('pingvasai-development-api'))!;
    foreign.metadata.name = 'othersvc-development-api';
    foreign.metadata.labels!['backstage.io/kubernetes-id'] = 'othersvc';
    delete foreign.metadata.uid;
    fake.upsert(foreign);
    recorded = createTestBackendFeatures({
      fake,
      token: TOKEN,
      entities: [
        component('pingvasai', 'group:default/platform'),
        component('othersvc', 'group:default/other'),
        component('hidden', 'group:default/platform'),
      ],
      visible: (entity, credentials: any) =>
        entity.metadata.name !== 'hidden' ||
        credentials.principal.userEntityRef === SECRET_KEEPER,
      permissions: createPolicyPermissionsService({
        policy,
        ownershipOf: user =>
          user === OWNER ? [user, 'group:default/platform'] : [user],
      }),
    });
    const backend = await startTestBackend({
      features: [workerPlatformPlugin, ...recorded.features],
    });
    server = backend.server;
    stop = () => backend.stop();
    // Until the watch cache holds the scenario.
    await eventually(async () => {
      const body = (
        await request(server).get(
          '/api/worker-platform/status/component/default/pingvasai',
        )
      ).body;
      if (body.environments?.length !== 3) throw new Error('not watched yet');
    });
  });

  afterAll(async () => {
    await stop();
    await fake.stop();
  });

  beforeEach(() => {
    fake.clearPatches();
    recorded.auditEvents.length = 0;
    recorded.notifications.send.mockClear();
  });

  it('syncs an Application: 202, the operation field set, audited', async () => {
    const response = await post({
      environment: 'development',
      operation: 'sync',
      application: 'pingvasai-development-api',
      revision: 'develop',
      prune: true,
    }).expect(202);
    expect(response.body).toEqual({
      operation: 'sync',
      target: {
        kind: 'Application',
        namespace: 'argocd',
        name: 'pingvasai-development-api',
      },
      environment: 'development',
      cluster: 'prod-eu',
      dryRun: false,
      unchanged: false,
      message:
        'ArgoCD will sync pingvasai-development-api to develop, pruning resources no longer in git',
    });
    expect(fake.get(app('pingvasai-development-api'))!.operation).toEqual({
      initiatedBy: { username: OWNER },
      info: [{ name: 'Reason', value: 'sync from Backstage' }],
      sync: { revision: 'develop', prune: true },
    });
    expect(fake.patches).toEqual([
      expect.objectContaining({ patchType: 'merge', dryRun: false }),
    ]);
    expect(recorded.auditEvents).toEqual([
      expect.objectContaining({
        eventId: 'deploy-operation',
        severityLevel: 'medium',
        status: 'succeeded',
        meta: expect.objectContaining({
          actor: OWNER,
          entityRef: 'component:default/pingvasai',
          environment: 'development',
          operation: 'sync',
          target: 'pingvasai-development-api',
        }),
        resultMeta: expect.objectContaining({
          result: 'applied',
          cluster: 'prod-eu',
          target: 'Application argocd/pingvasai-development-api',
        }),
      }),
    ]);
    expect(recorded.notifications.send).not.toHaveBeenCalled();
    // A second sync while the first is queued is a conflict.
    const conflict = await post({
      environment: 'development',
      operation: 'sync',
      application: 'pingvasai-development-api',
    }).expect(409);
    expect(conflict.body.error.message).toContain('queued');
  });

  it('answers 409 for a sync while an operation runs, and terminates it', async () => {
    const running = {
      environment: 'production',
      application: 'pingvasai-production-api',
    };
    const conflict = await post({ ...running, operation: 'sync' }).expect(409);
    expect(conflict.body.error.message).toMatch(/operation is running/);
    await post({ ...running, operation: 'terminate' }).expect(202);
    expect(
      (fake.get(app('pingvasai-production-api'))!.status as any).operationState
        .phase,
    ).toBe('Terminating');
    // Production: high severity, and the owners hear about it.
    expect(recorded.auditEvents.at(-1)).toMatchObject({
      severityLevel: 'high',
      status: 'succeeded',
    });
    expect(recorded.notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['group:default/platform'] },
      payload: expect.objectContaining({
        title: `terminate in production of pingvasai by ${OWNER}`,
        link: '/catalog/default/component/pingvasai/deployments',
        topic: 'worker-platform-operations',
      }),
    });
    // Terminating again changes nothing.
    const again = await post({ ...running, operation: 'terminate' }).expect(
      202,
    );
    expect(again.body.unchanged).toBe(true);
  });

  it('pauses and resumes a pool with KEDA annotations, idempotently', async () => {
    const pool = { environment: 'staging', worker: 'gpu' };
    await post({ ...pool, operation: 'pause', replicas: 1 }).expect(202);
    expect(
      fake.get(scaledObject('staging', 'gpu'))!.metadata.annotations,
    ).toMatchObject({ 'autoscaling.keda.sh/paused-replicas': '1' });
    const again = await post({ ...pool, operation: 'pause', replicas: 1 });
    expect(again.body).toMatchObject({ unchanged: true });
    await post({ ...pool, operation: 'resume' }).expect(202);
    const annotations =
      fake.get(scaledObject('staging', 'gpu'))!.metadata.annotations ?? {};
    expect(annotations).not.toHaveProperty('autoscaling.keda.sh/paused');
    expect(annotations).not.toHaveProperty(
      'autoscaling.keda.sh/paused-replicas',
    );
    expect(fake.patches.map(p => p.status)).toEqual([200, 200]);
  });

  it('dry-runs: the cluster validates, nothing changes', async () => {
    const before = fake.get(scaledObject('development', 'system'))!;
    const response = await post({
      environment: 'development',
      operation: 'pause',
      worker: 'system',
      dryRun: true,
    }).expect(202);
    expect(response.body).toMatchObject({ dryRun: true });
    expect(response.body.message).toMatch(/^Dry run: /);
    expect(fake.patches).toEqual([expect.objectContaining({ dryRun: true })]);
    expect(fake.get(scaledObject('development', 'system'))).toEqual(before);
    expect(recorded.auditEvents[0].resultMeta).toMatchObject({
      result: 'dry-run',
    });
  });

  it('rolls back, switching automated sync off in the same change, and re-enables it', async () => {
    fake.update(app('pingvasai-staging-api'), object => {
      (object.spec as any).syncPolicy.automated = {
        prune: true,
        selfHeal: true,
      };
    });
    await eventually(() =>
      expect(fake.get(app('pingvasai-staging-api'))).toBeDefined(),
    );
    const target = {
      environment: 'staging',
      application: 'pingvasai-staging-api',
    };
    const response = await post({
      ...target,
      operation: 'rollback',
      historyId: 41,
    }).expect(202);
    expect(response.body).toMatchObject({ autoSyncDisabled: true });
    expect(response.body.message).toContain('re-enable auto-sync');
    const rolled = fake.get(app('pingvasai-staging-api'))!;
    expect((rolled.spec as any).syncPolicy.automated).toBeUndefined();
    expect((rolled.operation as any).sync.revision).toBe(
      '5d1c0a7e3b9f42c6a8e1d7f0b3c2a9e8d4f6b1a2',
    );
    expect(fake.patches[0].patchType).toBe('json');
    const unknown = await post({
      ...target,
      operation: 'rollback',
      historyId: 7,
    }).expect(400);
    expect(unknown.body.error.message).toMatch(/^historyId: /);
    await post({ ...target, operation: 'enable-auto-sync' }).expect(202);
    const restored = fake.get(app('pingvasai-staging-api'))!;
    expect((restored.spec as any).syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: true,
    });
    expect(restored.metadata.annotations).not.toHaveProperty(
      'worker-platform.io/auto-sync-before-rollback',
    );
  });

  it('refreshes with a server-side apply patch', async () => {
    fake.update(app('pingvasai-development-workers'), object => {
      delete object.metadata.annotations!['argocd.argoproj.io/refresh'];
    });
    await post({
      environment: 'development',
      operation: 'refresh',
      application: 'pingvasai-development-workers',
    }).expect(202);
    expect(fake.patches[0]).toMatchObject({
      patchType: 'apply',
      fieldManager: 'backstage-worker-platform',
      force: true,
    });
    expect(
      fake.get(app('pingvasai-development-workers'))!.metadata.annotations,
    ).toMatchObject({ 'argocd.argoproj.io/refresh': 'normal' });
  });

  it('refuses a target of another service and never patches it', async () => {
    const response = await post({
      environment: 'development',
      operation: 'sync',
      application: 'othersvc-development-api',
    }).expect(404);
    expect(response.body.error.message).toContain(
      'has no Application othersvc-development-api',
    );
    expect(fake.patches).toEqual([]);
    expect(
      fake.get(app('othersvc-development-api'))!.operation,
    ).toBeUndefined();
  });

  it('refuses a target whose live labels moved to another service, even before the cache knows', async () => {
    const ref = scaledObject('development', 'api-relay');
    // Relabel it, and change nothing else the cache would notice first.
    fake.update(ref, object => {
      object.metadata.labels!['backstage.io/kubernetes-id'] = 'othersvc';
    });
    const response = await post({
      environment: 'development',
      operation: 'pause',
      worker: 'api-relay',
    });
    // The watch may have removed it already (404 from the cache) or not yet
    // (404 from the live label check); either way it is not touched.
    expect(response.status).toBe(404);
    expect(fake.patches).toEqual([]);
    fake.update(ref, object => {
      object.metadata.labels!['backstage.io/kubernetes-id'] = 'pingvasai';
    });
  });

  it.each([
    [{ environment: 'production' }, 'operation: '],
    [{ environment: 'production', operation: 'pause' }, 'worker: is required'],
    [
      {
        environment: 'production',
        operation: 'sync',
        application: 'x',
        force: 1,
      },
      'force: unknown field',
    ],
  ])(
    'answers 400 naming the field for %j, and audits it',
    async (body, message) => {
      const response = await post(body).expect(400);
      expect(response.body.error.message).toContain(message);
      expect(recorded.auditEvents).toEqual([
        expect.objectContaining({
          eventId: 'deploy-operation',
          status: 'failed',
          resultMeta: { result: 'invalid' },
          meta: expect.objectContaining({
            actor: OWNER,
            environment: 'production',
          }),
        }),
      ]);
    },
  );

  it('answers 401 without credentials', async () => {
    const response = await request(server)
      .post(ROUTE)
      .set('Authorization', mockCredentials.none.header())
      .send({
        environment: 'development',
        operation: 'refresh',
        application: 'x',
      });
    expect(response.status).toBe(401);
  });

  it('answers 403 when the policy says no, and audits the refusal', async () => {
    const body = {
      environment: 'development',
      operation: 'pause',
      worker: 'gpu',
    };
    const response = await post(body, OUTSIDER).expect(403);
    expect(response.body.error.message).toBe(
      `${OUTSIDER} may not pause in development of component:default/pingvasai`,
    );
    await post(
      {
        environment: 'production',
        operation: 'rollback',
        application: 'pingvasai-production-workers',
        historyId: 41,
      },
      OWNER,
    ).expect(403);
    expect(recorded.auditEvents.map(e => [e.status, e.resultMeta])).toEqual([
      ['failed', { result: 'denied' }],
      ['failed', { result: 'denied' }],
    ]);
    expect(fake.patches).toEqual([]);
  });

  it('answers 404 for an unknown entity, a hidden one, an unknown environment or target', async () => {
    const sync = { operation: 'refresh', application: 'pingvasai-staging-api' };
    await post(
      { ...sync, environment: 'staging' },
      OWNER,
      '/api/worker-platform/operations/component/default/nope',
    ).expect(404);
    await post(
      { ...sync, environment: 'staging' },
      OWNER,
      '/api/worker-platform/operations/component/default/hidden',
    ).expect(404);
    const environment = await post({ ...sync, environment: 'qa' }).expect(404);
    expect(environment.body.error.message).toContain(
      'has no environment qa (it has development, staging, production)',
    );
    await post({
      environment: 'staging',
      operation: 'pause',
      worker: 'nope',
    }).expect(404);
  });

  it("answers 502 with the cluster's message when the cluster refuses", async () => {
    fake.failNext(503, 1, 'patch');
    const response = await post({
      environment: 'production',
      operation: 'pause',
      worker: 'api-relay',
    }).expect(502);
    expect(response.body.error.message).toBe(
      'The cluster refused: injected failure (HTTP 503)',
    );
    expect(recorded.auditEvents[0]).toMatchObject({
      status: 'failed',
      error: 'The cluster refused: injected failure (HTTP 503)',
    });
  });

  it('checks the read permission on the status route and audits reads at low severity', async () => {
    const status = (user: string) =>
      request(server)
        .get('/api/worker-platform/status/component/default/pingvasai')
        .set('Authorization', mockCredentials.user.header(user));
    expect((await status(OWNER)).status).toBe(200);
    const refused = await status(OUTSIDER);
    expect(refused.status).toBe(403);
    expect(recorded.auditEvents).toEqual([
      expect.objectContaining({
        eventId: 'status-read',
        severityLevel: 'low',
        status: 'succeeded',
        resultMeta: {
          environments: ['development', 'staging', 'production'],
        },
      }),
      expect.objectContaining({ eventId: 'status-read', status: 'failed' }),
    ]);
  });

  it('lets services operate (Backstage allows service-to-service calls)', async () => {
    const response = await request(server)
      .post(ROUTE)
      .set('Authorization', mockCredentials.service.header())
      .send({ environment: 'development', operation: 'resume', worker: 'gpu' });
    expect(response.status).toBe(202);
  });
});
