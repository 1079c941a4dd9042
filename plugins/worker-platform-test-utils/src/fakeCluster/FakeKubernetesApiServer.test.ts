import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { FakeKubernetesObject } from './types';

const TOKEN = 'fake-token';
const DEPLOYMENTS = '/apis/apps/v1/deployments';

function deployment(name: string, labels: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'team', labels },
    spec: { replicas: 1 },
  };
}

/** Reads watch events (JSON lines) from a streaming response as they arrive. */
async function openWatch(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${TOKEN}` },
    signal: controller.signal,
  });
  const events: Array<{ type: string; object: FakeKubernetesObject }> = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as any) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        lines.forEach(line => events.push(JSON.parse(line)));
      }
    } catch {
      // aborted or cut by the server
    }
  })();
  const waitFor = async (count: number) => {
    const deadline = Date.now() + 3000;
    while (events.length < count && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    return events;
  };
  return {
    response,
    events,
    waitFor,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

async function waitUntil(condition: () => boolean) {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 3 s');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('FakeKubernetesApiServer', () => {
  let server: FakeKubernetesApiServer;
  const get = (path: string, token = TOKEN) =>
    fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeEach(async () => {
    server = await FakeKubernetesApiServer.start({
      token: TOKEN,
      bookmarkIntervalMs: 50,
    });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('refuses requests without the bearer token', async () => {
    const response = await get(DEPLOYMENTS, 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ kind: 'Status', code: 401 });
  });

  it('lists by label selector, with pages and a resourceVersion', async () => {
    server.upsert(deployment('a', { 'backstage.io/kubernetes-id': 'x' }));
    server.upsert(deployment('b', { 'backstage.io/kubernetes-id': 'y' }));
    server.upsert(deployment('c', {}));

    const first = await (
      await get(
        `${DEPLOYMENTS}?labelSelector=backstage.io/kubernetes-id&limit=1`,
      )
    ).json();
    expect(first.kind).toBe('DeploymentList');
    expect(first.items.map((i: any) => i.metadata.name)).toEqual(['a']);
    expect(Number(first.metadata.resourceVersion)).toBeGreaterThan(0);

    const second = await (
      await get(
        `${DEPLOYMENTS}?labelSelector=backstage.io/kubernetes-id&limit=1&continue=${first.metadata.continue}`,
      )
    ).json();
    expect(second.items.map((i: any) => i.metadata.name)).toEqual(['b']);
    expect(second.metadata.continue).toBeUndefined();
  });

  it('answers 404 for kinds it does not serve', async () => {
    expect((await get('/apis/example.com/v1/widgets')).status).toBe(404);
  });

  it('streams changes after a resourceVersion, with bookmarks', async () => {
    server.upsert(deployment('a', { id: 'x' }));
    const list = await (await get(`${DEPLOYMENTS}?labelSelector=id`)).json();
    server.upsert(deployment('b', { id: 'x' }));

    const watch = await openWatch(
      `${server.url}${DEPLOYMENTS}?watch=true&labelSelector=id&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`,
    );
    server.update(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'team',
        name: 'a',
      },
      object => {
        object.spec = { replicas: 3 };
      },
    );
    // Leaving the selector reads as a deletion to this watcher.
    server.upsert(deployment('b', {}));
    server.delete({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'team',
      name: 'a',
    });

    const events = await watch.waitFor(5);
    await watch.close();
    const changes = events.filter(e => e.type !== 'BOOKMARK');
    expect(changes.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED b',
      'MODIFIED a',
      'DELETED b',
      'DELETED a',
    ]);
    expect(events.some(e => e.type === 'BOOKMARK')).toBe(true);
    await waitUntil(() => server.openWatches === 0);
  });

  it('does not emit events for an unchanged upsert', async () => {
    const stored = server.upsert(deployment('a', { id: 'x' }));
    const again = server.upsert(deployment('a', { id: 'x' }));
    expect(again.metadata.resourceVersion).toBe(
      stored.metadata.resourceVersion,
    );
  });

  it('sends 410 Gone in the stream once the history is expired', async () => {
    server.upsert(deployment('a', { id: 'x' }));
    const list = await (await get(DEPLOYMENTS)).json();
    server.expireWatches();
    const watch = await openWatch(
      `${server.url}${DEPLOYMENTS}?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
    );
    const events = await watch.waitFor(1);
    await watch.close();
    expect(events[0]).toMatchObject({ type: 'ERROR', object: { code: 410 } });
  });

  it('injects failures and counts requests by kind', async () => {
    server.failNext(500, 2, 'list');
    expect((await get(DEPLOYMENTS)).status).toBe(500);
    expect((await get(DEPLOYMENTS)).status).toBe(500);
    expect((await get(DEPLOYMENTS)).status).toBe(200);
    expect(server.requestCounts).toMatchObject({ list: 3, total: 3 });
    server.resetRequestCounts();
    expect(server.requestCounts.total).toBe(0);
  });

  it('serves external metrics per ScaledObject', async () => {
    server.setMetric({
      namespace: 'w',
      scaledObject: 'so',
      metric: 's0-redis-free',
      value: 12,
    });
    const path =
      '/apis/external.metrics.k8s.io/v1beta1/namespaces/w/s0-redis-free';
    const body = await (
      await get(`${path}?labelSelector=scaledobject.keda.sh%2Fname%3Dso`)
    ).json();
    expect(body.items[0]).toMatchObject({
      metricName: 's0-redis-free',
      value: '12',
    });
    expect(
      (await get(`${path}?labelSelector=scaledobject.keda.sh/name=other`))
        .status,
    ).toBe(404);
    expect(server.requestCounts.metrics).toBe(2);
  });

  it('delays responses by the configured latency', async () => {
    server.setLatency(200);
    const started = Date.now();
    await get(DEPLOYMENTS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
