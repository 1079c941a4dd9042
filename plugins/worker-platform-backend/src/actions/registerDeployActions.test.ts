import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { workerPlatformPlugin } from '../plugin';
import {
  createTestBackendFeatures,
  eventually,
} from '../__testUtils__/testBackend';
import {
  applyScenario,
  createPolicyPermissionsService,
  FakeKubernetesApiServer,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';

const TOKEN = 'sa-token';
const GUEST = 'user:development/guest';

const pingvasai: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
  spec: { type: 'service', owner: 'group:default/platform' },
};

describe('deploy actions in the actions registry', () => {
  let fake: FakeKubernetesApiServer;
  let stop: () => Promise<void>;
  const registry = actionsRegistryServiceMock();
  let recorded: ReturnType<typeof createTestBackendFeatures>;

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    recorded = createTestBackendFeatures({
      fake,
      token: TOKEN,
      entities: [pingvasai],
      // Everything but production, like the example policy for a guest.
      permissions: createPolicyPermissionsService({
        policy: {
          handle: async ({ permission }) =>
            permission.name === 'worker-platform.status.read'
              ? { result: AuthorizeResult.ALLOW }
              : {
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'worker-platform',
                  resourceType: 'worker-platform-environment',
                  conditions: {
                    not: {
                      rule: 'IS_ENVIRONMENT',
                      resourceType: 'worker-platform-environment',
                      params: { environments: ['production'] },
                    },
                  },
                },
        },
      }),
    });
    const backend = await startTestBackend({
      features: [
        workerPlatformPlugin,
        ...recorded.features,
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
      ],
    });
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop();
    await fake.stop();
  });

  const invoke = (name: string, input: object) =>
    registry.invoke({
      id: `test:${name}`, // the mock registry's plugin id
      input: input as any,
      credentials: mockCredentials.user(GUEST),
    });

  it('registers a read action and one action per operation', () => {
    expect([...registry.actions.keys()].sort()).toEqual(
      [
        'get-deploy-status',
        'argocd-refresh',
        'argocd-sync',
        'argocd-terminate',
        'argocd-rollback',
        'argocd-enable-auto-sync',
        'keda-pause',
        'keda-resume',
      ]
        .map(name => `test:${name}`)
        .sort(),
    );
  });

  it('reads the deploy status with the caller credentials', async () => {
    const { output } = await eventually(async () => {
      const answer = await invoke('get-deploy-status', {
        entityRef: 'component:default/pingvasai',
      });
      if ((answer.output as any).status.environments.length !== 3) {
        throw new Error('not watched yet');
      }
      return answer;
    });
    expect((output as any).status.entityRef).toBe(
      'component:default/pingvasai',
    );
  });

  it('pauses a pool outside production, and is refused in production', async () => {
    // The watch may list Applications before ScaledObjects: wait for the pool.
    await eventually(async () => {
      const answer = await invoke('get-deploy-status', {
        entityRef: 'component:default/pingvasai',
      });
      const development = (answer.output as any).status.environments.find(
        (e: { name: string }) => e.name === 'development',
      );
      if (
        !development?.workers.some((w: { name: string }) => w.name === 'gpu')
      ) {
        throw new Error('the gpu pool is not watched yet');
      }
    });
    const { output } = await invoke('keda-pause', {
      entityRef: 'component:default/pingvasai',
      environment: 'development',
      worker: 'gpu',
      replicas: 1,
    });
    expect(output).toEqual({
      message:
        'KEDA will stop scaling pingvasai-gpu-worker and hold it at 1 replica',
      target: 'ScaledObject pingvasai-development-worker/pingvasai-gpu-worker',
      cluster: 'prod-eu',
      dryRun: false,
      unchanged: false,
    });
    await expect(
      invoke('keda-pause', {
        entityRef: 'component:default/pingvasai',
        environment: 'production',
        worker: 'gpu',
      }),
    ).rejects.toThrow(`${GUEST} may not pause in production`);
    expect(recorded.auditEvents.map(e => [e.eventId, e.status])).toEqual(
      expect.arrayContaining([
        ['deploy-operation', 'succeeded'],
        ['deploy-operation', 'failed'],
      ]),
    );
  });

  it('syncs with a dry run', async () => {
    fake.clearPatches();
    const { output } = await invoke('argocd-sync', {
      entityRef: 'component:default/pingvasai',
      environment: 'staging',
      application: 'pingvasai-staging-workers',
      dryRun: true,
    });
    expect(output).toMatchObject({ dryRun: true, unchanged: false });
    expect(fake.patches).toEqual([expect.objectContaining({ dryRun: true })]);
  });
});
