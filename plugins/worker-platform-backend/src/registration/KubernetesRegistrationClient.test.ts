import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  RegistrationObject,
  registerWithArgoCd,
} from '@worker-platform/plugin-worker-platform-common';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import { FakeKubernetesApiServer, PATCH_CONTENT_TYPES } from '../testUtils';
import { KubernetesRegistrationClient } from './KubernetesRegistrationClient';
import pingvasaiArgoCdBuild from './__fixtures__/pingvasaiArgoCdBuild.json';

const TOKEN = 'sa-token';
const target = {
  service: 'pingvasai',
  cluster: 'demo-fake-cluster',
  namespace: 'argocd',
};
const objects = () =>
  structuredClone(pingvasaiArgoCdBuild) as RegistrationObject[];
const APP = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  namespace: 'argocd',
  name: 'pingvasai-production-api',
};

describe('registration against the fake API server', () => {
  let fake: FakeKubernetesApiServer;
  let client: KubernetesRegistrationClient;

  beforeEach(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    const [cluster] = await ConfigClusterSupplier.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'demo-fake-cluster',
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
    client = new KubernetesRegistrationClient(cluster.kubeConfig);
  });

  afterEach(() => fake.stop());

  const register = (dryRun = false, input = objects()) =>
    registerWithArgoCd({ target, objects: input, client, dryRun });

  it('a dry run reports every object created and stores nothing', async () => {
    const report = await register(true);
    expect(report.result).toBe('dry-run');
    expect(report.objects.map(o => `${o.outcome} ${o.name}`)).toEqual([
      'created pingvasai',
      'created pingvasai-development-api',
      'created pingvasai-development-workers',
      'created pingvasai-production-api',
      'created pingvasai-production-workers',
      'created pingvasai-staging-api',
      'created pingvasai-staging-workers',
    ]);
    expect(fake.get(APP)).toBeUndefined();
    expect(fake.patches).toHaveLength(7);
    expect(
      fake.patches.every(
        p =>
          p.dryRun &&
          p.patchType === 'apply' &&
          p.fieldManager === 'backstage-worker-platform' &&
          p.force === false &&
          p.status === 201,
      ),
    ).toBe(true);
  });

  it('applies after the dry run, and a second run is all unchanged', async () => {
    const first = await register();
    expect(first.result).toBe('applied');
    expect(fake.patches.map(p => p.dryRun)).toEqual([
      ...Array(7).fill(true),
      ...Array(7).fill(false),
    ]);
    expect(fake.get(APP)?.spec).toMatchObject({ project: 'pingvasai' });

    fake.clearPatches();
    const second = await register();
    expect(second.result).toBe('unchanged');
    expect(second.objects.every(o => o.outcome === 'unchanged')).toBe(true);
    expect(fake.patches.every(p => p.dryRun)).toBe(true);
  });

  it('reports the changed fields', async () => {
    await register();
    const changed = objects();
    const app = changed.find(o => o.metadata.name === APP.name)!;
    (app.spec as any).source.targetRevision = 'release-2';
    const report = await register(false, changed);
    expect(report.result).toBe('applied');
    expect(report.objects.filter(o => o.outcome !== 'unchanged')).toEqual([
      {
        kind: 'Application',
        namespace: 'argocd',
        name: APP.name,
        outcome: 'changed',
        changedFields: ['spec.source.targetRevision'],
      },
    ]);
    expect((fake.get(APP)?.spec as any).source.targetRevision).toBe(
      'release-2',
    );
  });

  it('reports a field another manager owns as a conflict and applies nothing', async () => {
    await register();
    // Someone edits the Application by hand: they now own targetRevision.
    const edit = await fetch(
      `${fake.url}/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/${APP.name}?fieldManager=kubectl-edit`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': PATCH_CONTENT_TYPES.merge,
        },
        body: JSON.stringify({
          spec: { source: { targetRevision: 'hotfix' } },
        }),
      },
    );
    expect(edit.status).toBe(200);
    const changed = objects();
    (
      changed.find(o => o.metadata.name === APP.name)!.spec as any
    ).source.targetRevision = 'release-2';
    (changed[0].spec as any).description = 'Deployments of pingvasai, v2';
    fake.clearPatches();

    const report = await register(false, changed);
    expect(report.result).toBe('conflict');
    expect(report.objects.find(o => o.name === APP.name)).toEqual({
      kind: 'Application',
      namespace: 'argocd',
      name: APP.name,
      outcome: 'conflict',
      message:
        'Apply failed with 1 conflict: conflict with "kubectl-edit" using argoproj.io/v1alpha1: .spec.source.targetRevision',
    });
    expect(fake.patches.every(p => p.dryRun)).toBe(true);
    expect((fake.get(APP)?.spec as any).source.targetRevision).toBe('hotfix');
  });

  it('sends nothing when a guard refuses', async () => {
    const hostile = objects();
    (hostile[1].spec as any).destination.namespace = 'kube-system';
    const report = await register(false, hostile);
    expect(report.result).toBe('refused');
    expect(fake.requestCounts.total).toBe(0);
  });
});
