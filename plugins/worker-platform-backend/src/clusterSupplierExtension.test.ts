import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterSupplier,
  workerPlatformClustersExtensionPoint,
} from '@worker-platform/plugin-worker-platform-node';
import request from 'supertest';
import {
  FakeKubernetesApiServer,
  applyScenario,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { workerPlatformPlugin } from './plugin';

const TOKEN = 'registry-token';
const ROUTE = '/api/worker-platform/status/component/default/pingvasai';

const PINGVASAI: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
  spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'x' },
};

/** A supplier as a platform team might write one: clusters from its own registry. */
function registrySupplier(name: string, url: string): ClusterSupplier {
  return {
    async getClusters() {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [{ name, server: url, skipTLSVerify: true }],
        users: [{ name, token: TOKEN }],
        contexts: [{ name, cluster: name, user: name }],
        currentContext: name,
      });
      return [{ name, kubeConfig }];
    },
  };
}

const moduleAdding = (supplier: ClusterSupplier) =>
  createBackendModule({
    pluginId: 'worker-platform',
    moduleId: 'cluster-registry',
    register(reg) {
      reg.registerInit({
        deps: { clusters: workerPlatformClustersExtensionPoint },
        async init({ clusters }) {
          clusters.addClusterSupplier(supplier);
        },
      });
    },
  });

const services = (kubernetes: object) => [
  mockServices.rootConfig.factory({
    data: {
      workerPlatform: { queueDepth: { refreshIntervalSeconds: 3600 } },
      kubernetes,
    },
  }),
  catalogServiceMock.mock({ getEntityByRef: async () => PINGVASAI }).factory,
  createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({ publish: async () => {} }),
  }),
];

describe('workerPlatformClustersExtensionPoint', () => {
  let fake: FakeKubernetesApiServer;

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
  });

  afterAll(() => fake.stop());

  it('watches the clusters a module adds, with none in the configuration', async () => {
    const backend = await startTestBackend({
      features: [
        workerPlatformPlugin,
        moduleAdding(registrySupplier('registry-eu', fake.url)),
        ...services({}),
      ],
    });
    try {
      let body: any;
      for (let attempt = 0; attempt < 100; attempt++) {
        body = (await request(backend.server).get(ROUTE).expect(200)).body;
        if (body.environments.length === 3 && !body.stale) break;
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(body.clusters).toEqual([
        expect.objectContaining({ name: 'registry-eu', connected: true }),
      ]);
      expect(body.environments.map((e: any) => e.name)).toEqual([
        'development',
        'staging',
        'production',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start when an added cluster has the name of a configured one', async () => {
    await expect(
      startTestBackend({
        features: [
          workerPlatformPlugin,
          moduleAdding(registrySupplier('prod-eu', fake.url)),
          ...services({
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
          }),
        ],
      }),
    ).rejects.toThrow('two clusters are named prod-eu');
  });
});
