import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import { EntityAccess } from '../permissions/EntityAccess';
import {
  applyScenario,
  FakeKubernetesApiServer,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { KubernetesObjectClient } from './ClusterObjectClient';
import { DeployOperationService } from './DeployOperationService';

const TOKEN = 'sa-token';
const GPU = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  namespace: 'pingvasai-development-worker',
  name: 'pingvasai-gpu-worker',
};

// A watch cache that still believes the pool is pingvasai's.
const staleStatus: EntityDeployStatus = {
  entityRef: 'component:default/pingvasai',
  generatedAt: '2026-12-01T00:00:00Z',
  clusters: [],
  stale: false,
  environments: [
    {
      name: 'development',
      applications: [],
      api: null,
      workers: [
        {
          name: 'gpu',
          cluster: 'prod-eu',
          namespace: GPU.namespace,
          scaledObject: GPU.name,
          deployment: GPU.name,
          state: 'idle',
          replicas: { current: 0, ready: 0, min: 0, max: 2 },
          triggers: [],
          lastActiveTime: null,
          conditions: [],
        },
      ],
    },
  ],
};

describe('DeployOperationService', () => {
  let fake: FakeKubernetesApiServer;
  let service: DeployOperationService;

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    const [cluster] = await ConfigClusterSupplier.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod-eu',
                  url: fake.url,
                  serviceAccountToken: TOKEN,
                  skipTLSVerify: true,
                },
              ],
            },
          ],
        },
      }),
      { logger: mockServices.logger.mock() },
    ).getClusters();
    const client = new KubernetesObjectClient(cluster.kubeConfig);
    service = new DeployOperationService({
      access: new EntityAccess({
        catalog: catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'pingvasai',
                namespace: 'default',
                annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
              },
              spec: { owner: 'group:default/platform' },
            },
          ],
        }),
        permissions: mockServices.permissions(),
        ruleset: mockServices.permissionsRegistry
          .mock()
          .getPermissionRuleset(undefined as any),
      }),
      status: { getStatus: () => staleStatus },
      clientFor: name => (name === 'prod-eu' ? client : undefined),
      auditor: {
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      },
      logger: mockServices.logger.mock(),
    });
  });

  afterAll(() => fake.stop());

  it('refuses an object whose live labels name another service, though the cache says otherwise', async () => {
    fake.update(GPU, object => {
      object.metadata.labels!['backstage.io/kubernetes-id'] = 'othersvc';
    });
    fake.clearPatches();
    await expect(
      service.execute({
        entity: { kind: 'component', namespace: 'default', name: 'pingvasai' },
        request: {
          environment: 'development',
          operation: 'pause',
          worker: 'gpu',
        },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `ScaledObject ${GPU.namespace}/${GPU.name} does not belong to development of component:default/pingvasai; refusing to change it`,
    });
    expect(fake.patches).toEqual([]);
  });

  it('refuses an object of another environment', async () => {
    fake.update(GPU, object => {
      object.metadata.labels!['backstage.io/kubernetes-id'] = 'pingvasai';
      object.metadata.labels!['worker-platform.io/environment'] = 'production';
    });
    await expect(
      service.execute({
        entity: { kind: 'component', namespace: 'default', name: 'pingvasai' },
        request: {
          environment: 'development',
          operation: 'pause',
          worker: 'gpu',
        },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(fake.patches).toEqual([]);
  });
});
