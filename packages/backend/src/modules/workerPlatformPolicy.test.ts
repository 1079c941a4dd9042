import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import workerPlatformPlugin from '@worker-platform/plugin-worker-platform-backend';
import {
  applyScenario,
  createPolicyPermissionsService,
  FakeKubernetesApiServer,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import {
  DEPLOY_OPERATIONS,
  DeployOperationName,
} from '@worker-platform/plugin-worker-platform-common';
import request from 'supertest';
import { WorkerPlatformExamplePolicy } from './workerPlatformPolicy';

const TOKEN = 'sa-token';
const ENTITY = 'component/default/pingvasai';

const CALLERS = {
  platform: 'user:default/alice',
  owner: 'user:default/bob',
  'non-owner': 'user:default/carol',
  service: 'service',
  'no credentials': 'none',
} as const;
const OWNERSHIP: Record<string, string[]> = {
  'user:default/alice': ['user:default/alice', 'group:default/platform'],
  'user:default/bob': ['user:default/bob', 'group:default/image-team'],
};

const TARGETS: Record<string, { application: string; worker: string }> = {
  production: { application: 'pingvasai-production-workers', worker: 'gpu' },
  staging: { application: 'pingvasai-staging-api', worker: 'gpu' },
};

function body(operation: DeployOperationName, environment: string) {
  const target = TARGETS[environment];
  return {
    environment,
    operation,
    dryRun: true,
    ...(operation === 'pause' || operation === 'resume'
      ? { worker: target.worker }
      : { application: target.application }),
    ...(operation === 'rollback' ? { historyId: 41 } : {}),
  };
}

describe('WorkerPlatformExamplePolicy through the operations route', () => {
  let fake: FakeKubernetesApiServer;
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    applyScenario(fake, pingvasaiScenario);
    const backend = await startTestBackend({
      features: [
        workerPlatformPlugin,
        mockServices.rootConfig.factory({
          data: {
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
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'pingvasai',
                namespace: 'default',
                annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
              },
              spec: {
                type: 'service',
                lifecycle: 'production',
                owner: 'group:default/image-team',
              },
            },
          ],
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () =>
            createPolicyPermissionsService({
              policy: new WorkerPlatformExamplePolicy({
                platformGroup: 'group:default/platform',
                protectedEnvironments: ['production'],
              }),
              ownershipOf: user => OWNERSHIP[user] ?? [user],
            }),
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    for (let attempt = 0; attempt < 200; attempt++) {
      const status = await request(server).get(
        `/api/worker-platform/status/${ENTITY}`,
      );
      if (status.body.environments?.length === 3) break;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  });

  afterAll(async () => {
    await stop();
    await fake.stop();
  });

  const header = (caller: string) => {
    if (caller === 'service') return mockCredentials.service.header();
    if (caller === 'none') return mockCredentials.none.header();
    return mockCredentials.user.header(caller);
  };

  it('grants each caller exactly the operations the policy says, per environment', async () => {
    const rows: string[] = [];
    for (const [label, caller] of Object.entries(CALLERS)) {
      for (const environment of ['staging', 'production']) {
        const cells: string[] = [];
        for (const operation of DEPLOY_OPERATIONS) {
          const response = await request(server)
            .post(`/api/worker-platform/operations/${ENTITY}`)
            .set('Authorization', header(caller))
            .send(body(operation, environment));
          // 409 (nothing to terminate) and 202 both mean "allowed".
          if (response.status === 401) cells.push('401');
          else if (response.status === 403) cells.push('no');
          else if ([202, 409].includes(response.status)) cells.push('yes');
          else cells.push(`HTTP ${response.status}`);
        }
        rows.push(`${label} / ${environment}: ${cells.join(' ')}`);
      }
    }
    expect(DEPLOY_OPERATIONS).toEqual([
      'refresh',
      'sync',
      'terminate',
      'rollback',
      'enable-auto-sync',
      'pause',
      'resume',
    ]);
    expect(rows).toEqual([
      'platform / staging: yes yes yes yes yes yes yes',
      'platform / production: yes yes yes yes yes yes yes',
      'owner / staging: yes yes yes yes yes yes yes',
      'owner / production: yes yes yes no yes yes yes',
      'non-owner / staging: yes yes yes no yes yes yes',
      'non-owner / production: no no no no no no no',
      'service / staging: yes yes yes yes yes yes yes',
      'service / production: yes yes yes yes yes yes yes',
      'no credentials / staging: 401 401 401 401 401 401 401',
      'no credentials / production: 401 401 401 401 401 401 401',
    ]);
    // Every request was a dry run: the cluster changed nothing.
    expect(fake.patches.every(patch => patch.dryRun)).toBe(true);
  }, 60_000);

  it('lets everyone signed in read the status', async () => {
    for (const caller of ['user:default/carol', 'service']) {
      const response = await request(server)
        .get(`/api/worker-platform/status/${ENTITY}`)
        .set('Authorization', header(caller));
      expect(response.status).toBe(200);
      expect(response.body.environments).toHaveLength(3);
    }
  });
});
