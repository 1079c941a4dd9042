import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  RegistrationObject,
  registerWithArgoCd,
} from '@worker-platform/plugin-worker-platform-common';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import {
  FakeKubernetesApiServer,
  PATCH_CONTENT_TYPES,
  pingvasaiArgoCdObjects,
  pingvasaiNotificationsConfigMap,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { KubernetesRegistrationClient } from './KubernetesRegistrationClient';

const TOKEN = 'sa-token';
const target = {
  service: 'pingvasai',
  cluster: 'demo-fake-cluster',
  namespace: 'argocd',
};
const pingvasaiArgoCdBuild = pingvasaiArgoCdObjects();
const pingvasaiNotificationsCm = pingvasaiNotificationsConfigMap();
const objects = (): RegistrationObject[] =>
  structuredClone(pingvasaiArgoCdBuild);
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

describe('registration of the shared argocd-notifications-cm against the fake API server', () => {
  let fake: FakeKubernetesApiServer;
  let client: KubernetesRegistrationClient;
  const CM = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'argocd',
    name: 'argocd-notifications-cm',
  };
  const INSTANCE_KEYS = {
    'service.slack': 'token: $slack-token\n',
    'trigger.on-created': '- send: [app-created]\n',
  };

  /** A second service, as the renderer would name its objects. */
  const serviceObjects = (service: string) =>
    JSON.parse(
      JSON.stringify([
        ...pingvasaiArgoCdBuild,
        pingvasaiNotificationsCm,
      ]).replace(/pingvasai/g, service),
    ) as RegistrationObject[];
  const register = (service: string) =>
    registerWithArgoCd({
      target: { ...target, service },
      objects: serviceObjects(service),
      client,
    });
  const keysOf = (prefix: string) =>
    Object.keys(pingvasaiNotificationsCm.data ?? {})
      .filter(key => /^(template|trigger)\./.test(key))
      .map(key => key.replace('pingvasai', prefix));

  beforeEach(async () => {
    fake = await FakeKubernetesApiServer.start({ token: TOKEN });
    // ArgoCD's installation made it, with the instance's own keys.
    fake.upsert({
      apiVersion: CM.apiVersion,
      kind: CM.kind,
      metadata: { name: CM.name, namespace: CM.namespace },
      data: INSTANCE_KEYS,
    });
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

  it("sends only the service's keys, under its own field manager, and lists the instance's as left out", async () => {
    const report = await register('pingvasai');
    expect(report.result).toBe('applied');
    expect(report.objects.find(o => o.kind === 'ConfigMap')).toEqual({
      kind: 'ConfigMap',
      namespace: 'argocd',
      name: 'argocd-notifications-cm',
      outcome: 'changed',
      changedFields: keysOf('pingvasai')
        .map(key => `data.${key}`)
        .sort(),
      leftOut: ['context', 'service.slack'],
    });
    const sent = fake.patches.filter(p => p.kind === 'ConfigMap');
    expect(sent.map(p => [p.dryRun, p.fieldManager, p.force])).toEqual([
      [true, 'backstage-worker-platform.pingvasai', false],
      [false, 'backstage-worker-platform.pingvasai', false],
    ]);
    expect(sent[1].patch).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm', namespace: 'argocd' },
      data: Object.fromEntries(
        keysOf('pingvasai').map(key => [
          key,
          (pingvasaiNotificationsCm.data as Record<string, string>)[key],
        ]),
      ),
    });
    expect(
      fake.patches
        .filter(p => p.kind !== 'ConfigMap')
        .every(p => p.fieldManager === 'backstage-worker-platform'),
    ).toBe(true);
  });

  it("keeps both services' keys when a second service registers, and a re-run is all unchanged", async () => {
    expect((await register('pingvasai')).result).toBe('applied');
    expect((await register('imagegen')).result).toBe('applied');

    expect(Object.keys(fake.get(CM)?.data as object).sort()).toEqual(
      [
        ...Object.keys(INSTANCE_KEYS),
        ...keysOf('pingvasai'),
        ...keysOf('imagegen'),
      ].sort(),
    );

    fake.clearPatches();
    const again = await register('pingvasai');
    expect(again.result).toBe('unchanged');
    expect(again.objects.map(o => o.outcome)).toEqual(
      Array(again.objects.length).fill('unchanged'),
    );
    expect(fake.patches.every(p => p.dryRun)).toBe(true);
  });

  it("would lose the first service's keys under one shared field manager, which is why each service has its own", async () => {
    const configMap = (service: string) =>
      serviceObjects(service).find(o => o.kind === 'ConfigMap')!;
    const own = (service: string) => ({
      ...configMap(service),
      metadata: { name: CM.name, namespace: CM.namespace },
      data: Object.fromEntries(
        Object.entries(configMap(service).data as object).filter(([key]) =>
          key.includes(`.${service}-`),
        ),
      ),
    });
    const shared = { dryRun: false, fieldManager: 'backstage-worker-platform' };
    await client.apply(own('pingvasai'), shared);
    await client.apply(own('imagegen'), shared);
    expect(Object.keys(fake.get(CM)?.data as object).sort()).toEqual(
      [...Object.keys(INSTANCE_KEYS), ...keysOf('imagegen')].sort(),
    );
  });

  it("refuses another service's keys before anything is sent", async () => {
    const hostile = serviceObjects('pingvasai');
    const configMap = hostile.find(o => o.kind === 'ConfigMap')!;
    (configMap.data as Record<string, string>)[
      'template.imagegen-app-deployed'
    ] = 'message: hijacked\n';
    const report = await registerWithArgoCd({
      target,
      objects: hostile,
      client,
    });
    expect(report.result).toBe('refused');
    expect(report.objects.find(o => o.kind === 'ConfigMap')?.message).toBe(
      "keys template.imagegen-app-deployed are not the service's own (template.pingvasai-… or trigger.pingvasai-…)",
    );
    expect(fake.requestCounts.total).toBe(0);
  });
});
