import {
  notifications,
  pingvasaiObjects,
  target,
} from './__fixtures__/pingvasaiArgoCd';
import { registerWithArgoCd } from './registerWithArgoCd';
import {
  ApplyAnswer,
  RegistrationClusterClient,
  RegistrationObject,
} from './types';

/** An in-memory cluster recording every call; the HTTP one is tested in the backend. */
function memoryCluster(conflictOn?: string) {
  const stored = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  const key = (o: RegistrationObject) => `${o.kind}/${o.metadata.name}`;
  const client: RegistrationClusterClient = {
    async get(object) {
      calls.push(`get ${key(object)}`);
      return stored.get(key(object));
    },
    async apply(object, { dryRun, fieldManager }): Promise<ApplyAnswer> {
      calls.push(
        `apply${dryRun ? ' --dry-run' : ''} ${key(object)} as ${fieldManager}`,
      );
      if (object.metadata.name === conflictOn) {
        return { type: 'conflict', message: 'Apply failed with 1 conflict' };
      }
      const result = { ...stored.get(key(object)), ...structuredClone(object) };
      if (!dryRun) stored.set(key(object), result);
      return { type: 'applied', object: result };
    },
  };
  return { client, calls, stored };
}

describe('registerWithArgoCd', () => {
  it('dry-runs first, then applies; a second run is all unchanged', async () => {
    const cluster = memoryCluster();
    const first = await registerWithArgoCd({
      target,
      objects: pingvasaiObjects(),
      client: cluster.client,
    });
    expect(first.result).toBe('applied');
    expect(first.objects.map(o => o.outcome)).toEqual([
      'created',
      'created',
      'created',
    ]);
    expect(cluster.calls.slice(0, 2)).toEqual([
      'get AppProject/pingvasai',
      'apply --dry-run AppProject/pingvasai as backstage-worker-platform',
    ]);
    expect(cluster.calls.filter(c => c.startsWith('apply AppProject'))).toEqual(
      ['apply AppProject/pingvasai as backstage-worker-platform'],
    );

    cluster.calls.length = 0;
    const second = await registerWithArgoCd({
      target,
      objects: pingvasaiObjects(),
      client: cluster.client,
    });
    expect(second.result).toBe('unchanged');
    expect(second.objects.every(o => o.outcome === 'unchanged')).toBe(true);
    expect(cluster.calls.every(c => !c.startsWith('apply AppProject'))).toBe(
      true,
    );
  });

  it('reports changed fields, and a dry run applies nothing', async () => {
    const cluster = memoryCluster();
    await registerWithArgoCd({
      target,
      objects: pingvasaiObjects(),
      client: cluster.client,
    });
    const objects = pingvasaiObjects();
    (objects[1].spec as any).source.targetRevision = 'main';
    cluster.calls.length = 0;
    const report = await registerWithArgoCd({
      target,
      objects,
      client: cluster.client,
      dryRun: true,
    });
    expect(report.result).toBe('dry-run');
    expect(report.objects[1]).toEqual({
      kind: 'Application',
      namespace: 'argocd',
      name: 'pingvasai-development-api',
      outcome: 'changed',
      changedFields: ['spec.source.targetRevision'],
    });
    expect(cluster.calls.filter(c => /^apply [A-Z]/.test(c))).toEqual([]);
  });

  it('applies nothing when the dry run finds a conflict', async () => {
    const cluster = memoryCluster('pingvasai-development-workers');
    const report = await registerWithArgoCd({
      target,
      objects: pingvasaiObjects(),
      client: cluster.client,
    });
    expect(report.result).toBe('conflict');
    expect(report.objects[2]).toMatchObject({
      outcome: 'conflict',
      message: 'Apply failed with 1 conflict',
    });
    expect(cluster.stored.size).toBe(0);
  });

  it('sends nothing at all when a guard refuses', async () => {
    const cluster = memoryCluster();
    const objects = pingvasaiObjects();
    objects[2].metadata.namespace = 'default';
    const report = await registerWithArgoCd({
      target,
      objects,
      client: cluster.client,
    });
    expect(report.result).toBe('refused');
    expect(cluster.calls).toEqual([]);
    expect(report.objects.map(o => [o.name, o.outcome])).toEqual([
      ['pingvasai-development-workers', 'refused'],
      ['pingvasai', 'refused'],
      ['pingvasai-development-api', 'refused'],
    ]);
  });
});

describe('registerWithArgoCd and the shared notifications ConfigMap', () => {
  it("applies the service's keys under the service's own field manager, and reports the instance's as left out", async () => {
    const cluster = memoryCluster();
    const shared = structuredClone(notifications);
    shared.data = {
      ...(shared.data as Record<string, string>),
      'service.slack': 'token: $slack-token\n',
    };
    const report = await registerWithArgoCd({
      target,
      objects: [...pingvasaiObjects(), shared],
      client: cluster.client,
    });
    expect(report.result).toBe('applied');
    expect(report.objects[3]).toEqual({
      kind: 'ConfigMap',
      namespace: 'argocd',
      name: 'argocd-notifications-cm',
      outcome: 'created',
      leftOut: ['service.slack'],
    });
    expect(cluster.calls.filter(c => c.startsWith('apply ConfigMap'))).toEqual([
      'apply ConfigMap/argocd-notifications-cm as backstage-worker-platform.pingvasai',
    ]);
    expect(
      cluster.stored.get('ConfigMap/argocd-notifications-cm')?.data,
    ).toEqual(notifications.data);
  });
});

describe('registerWithArgoCd when the cluster fails', () => {
  it('reports the error and applies nothing', async () => {
    const cluster = memoryCluster();
    cluster.client.get = async () => {
      throw new Error('cannot reach the API server (ECONNREFUSED)');
    };
    const report = await registerWithArgoCd({
      target,
      objects: pingvasaiObjects(),
      client: cluster.client,
    });
    expect(report.result).toBe('failed');
    expect(report.objects[0]).toMatchObject({
      outcome: 'failed',
      message: 'cannot reach the API server (ECONNREFUSED)',
    });
    expect(cluster.stored.size).toBe(0);
  });
});
