import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import { FakeKubernetesApiServer } from '@worker-platform/plugin-worker-platform-test-utils';
import { SCALED_OBJECTS } from '../watch/resources';
import { FIELD_MANAGER, KubernetesObjectClient } from './ClusterObjectClient';

const TOKEN = 'sa-token';
const REF = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  namespace: 'w',
  name: 'so',
};

describe('KubernetesObjectClient', () => {
  let fake: FakeKubernetesApiServer;
  let client: KubernetesObjectClient;

  beforeAll(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    const [cluster] = await ConfigClusterSupplier.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'c',
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
    client = new KubernetesObjectClient(cluster.kubeConfig);
  });

  beforeEach(() => {
    fake.clearPatches();
    fake.upsert({
      ...REF,
      metadata: { name: 'so', namespace: 'w', annotations: { a: '1' } },
    });
  });

  afterAll(() => fake.stop());

  it('gets an object, and undefined for a missing one', async () => {
    expect((await client.get(SCALED_OBJECTS, 'w', 'so'))?.metadata).toEqual(
      expect.objectContaining({ name: 'so', annotations: { a: '1' } }),
    );
    expect(await client.get(SCALED_OBJECTS, 'w', 'nope')).toBeUndefined();
  });

  it.each([
    ['merge', { metadata: { annotations: { b: '2' } } }],
    ['json', [{ op: 'add', path: '/metadata/annotations/b', value: '2' }]],
    [
      'apply',
      {
        apiVersion: REF.apiVersion,
        kind: REF.kind,
        metadata: { name: 'so', namespace: 'w', annotations: { b: '2' } },
      },
    ],
  ] as const)('sends a %s patch with its content type', async (type, body) => {
    await client.patch({
      resource: SCALED_OBJECTS,
      namespace: 'w',
      name: 'so',
      type,
      body,
      dryRun: false,
    });
    expect(fake.get(REF)!.metadata.annotations).toEqual({ a: '1', b: '2' });
    expect(fake.patches).toEqual([
      expect.objectContaining({
        patchType: type,
        patch: body,
        dryRun: false,
        fieldManager: FIELD_MANAGER,
        status: 200,
      }),
    ]);
  });

  it('sends dry runs, which change nothing', async () => {
    const answer = await client.patch({
      resource: SCALED_OBJECTS,
      namespace: 'w',
      name: 'so',
      type: 'merge',
      body: { metadata: { annotations: { a: null } } },
      dryRun: true,
    });
    expect(answer.metadata?.annotations).toEqual({});
    expect(fake.get(REF)!.metadata.annotations).toEqual({ a: '1' });
    expect(fake.patches[0]).toMatchObject({ dryRun: true });
  });

  it("carries the cluster's status and message when it refuses", async () => {
    await expect(
      client.patch({
        resource: SCALED_OBJECTS,
        namespace: 'w',
        name: 'so',
        type: 'merge',
        body: { metadata: { resourceVersion: '1' } },
        dryRun: false,
      }),
    ).rejects.toMatchObject({
      name: 'ClusterRequestError',
      status: 409,
      message: expect.stringContaining('the object has been modified'),
    });
  });
});
