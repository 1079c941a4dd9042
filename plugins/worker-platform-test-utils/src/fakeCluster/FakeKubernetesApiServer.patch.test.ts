import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { PATCH_CONTENT_TYPES } from './patch';

const TOKEN = 'fake-token';
const REF = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  namespace: 'w',
  name: 'so',
};
const PATH = '/apis/keda.sh/v1alpha1/namespaces/w/scaledobjects/so';

describe('FakeKubernetesApiServer patches', () => {
  let server: FakeKubernetesApiServer;

  beforeEach(async () => {
    server = await FakeKubernetesApiServer.start({ token: TOKEN });
    server.upsert({
      ...REF,
      metadata: {
        name: 'so',
        namespace: 'w',
        labels: { app: 'x' },
        annotations: { keep: 'me' },
      },
      spec: { minReplicaCount: 0 },
    });
  });

  afterEach(() => server.stop());

  const patch = (
    type: keyof typeof PATCH_CONTENT_TYPES,
    body: unknown,
    query = '',
  ) =>
    fetch(`${server.url}${PATH}${query}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': PATCH_CONTENT_TYPES[type],
      },
      body: JSON.stringify(body),
    });

  it('gets one object', async () => {
    const response = await fetch(`${server.url}${PATH}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).metadata.annotations).toEqual({
      keep: 'me',
    });
    expect(server.requestCounts.get).toBe(1);
  });

  it('applies a merge patch, stores it, tells watchers and records it', async () => {
    const changes: string[] = [];
    server.onChange(change => changes.push(change.type));
    const response = await patch('merge', {
      metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } },
    });
    expect(response.status).toBe(200);
    expect(server.get(REF)!.metadata.annotations).toEqual({
      keep: 'me',
      'autoscaling.keda.sh/paused': 'true',
    });
    expect(changes).toEqual(['MODIFIED']);
    expect(server.patches).toEqual([
      expect.objectContaining({
        ...REF,
        patchType: 'merge',
        dryRun: false,
        status: 200,
      }),
    ]);
    expect(server.requestCounts.patch).toBe(1);
  });

  it('answers a dry run with the result and stores nothing', async () => {
    const before = server.get(REF)!.metadata.resourceVersion;
    const response = await patch(
      'merge',
      { metadata: { annotations: { keep: null } } },
      '?dryRun=All',
    );
    expect(response.status).toBe(200);
    expect((await response.json()).metadata.annotations).toEqual({});
    expect(server.get(REF)!.metadata.annotations).toEqual({ keep: 'me' });
    expect(server.get(REF)!.metadata.resourceVersion).toBe(before);
    expect(server.patches[0]).toMatchObject({ dryRun: true, status: 200 });
  });

  it('applies JSON patches and refuses all of one whose test fails', async () => {
    const version = server.get(REF)!.metadata.resourceVersion;
    expect(
      (
        await patch('json', [
          { op: 'test', path: '/metadata/resourceVersion', value: version },
          { op: 'replace', path: '/spec/minReplicaCount', value: 1 },
        ])
      ).status,
    ).toBe(200);
    const refused = await patch('json', [
      { op: 'replace', path: '/spec/minReplicaCount', value: 2 },
      { op: 'test', path: '/metadata/resourceVersion', value: version },
    ]);
    expect(refused.status).toBe(422);
    expect(server.get(REF)!.spec).toEqual({ minReplicaCount: 1 });
  });

  it('applies server-side apply patches with a field manager only', async () => {
    const body = {
      apiVersion: REF.apiVersion,
      kind: REF.kind,
      metadata: { name: 'so', namespace: 'w', annotations: { a: 'b' } },
    };
    expect((await patch('apply', body)).status).toBe(400);
    expect(
      (await patch('apply', body, '?fieldManager=backstage&force=true')).status,
    ).toBe(200);
    expect(server.get(REF)!.metadata.annotations).toEqual({
      keep: 'me',
      a: 'b',
    });
    expect(server.patches[1]).toMatchObject({
      patchType: 'apply',
      fieldManager: 'backstage',
      force: true,
    });
  });

  it('answers 409 when a merge patch names an old resourceVersion', async () => {
    const response = await patch('merge', {
      metadata: { resourceVersion: '1', annotations: { x: 'y' } },
    });
    expect(response.status).toBe(409);
    expect((await response.json()).message).toContain('has been modified');
  });

  it('answers 404 for a missing object and 415 for strategic merge', async () => {
    server.delete(REF);
    expect((await patch('merge', {})).status).toBe(404);
    server.upsert({ ...REF, metadata: { name: 'so', namespace: 'w' } });
    const response = await patch('strategic', {});
    expect(response.status).toBe(415);
    expect((await response.json()).message).toContain('custom resources');
  });
});
