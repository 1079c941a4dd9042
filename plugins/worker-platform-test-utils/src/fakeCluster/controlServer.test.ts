import http from 'node:http';
import { pingvasaiScenario } from './applyScenario';
import { startControlServer } from './controlServer';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';

function put(url: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', agent: false }, res => {
      let text = '';
      res.on('data', chunk => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startControlServer', () => {
  let cluster: FakeKubernetesApiServer;
  let control: Awaited<ReturnType<typeof startControlServer>>;

  beforeAll(async () => {
    cluster = await FakeKubernetesApiServer.start();
    control = await startControlServer(cluster, 0);
  });
  afterAll(async () => {
    await control.stop();
    await cluster.stop();
  });

  const gpuRef = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: 'pingvasai-production-worker',
    name: 'pingvasai-gpu-worker',
  };

  it('applies a scenario put to it', async () => {
    const scenario = {
      ...pingvasaiScenario,
      environments: {
        ...pingvasaiScenario.environments,
        production: { workers: { gpu: { replicas: 11 } } },
      },
    };
    const response = await put(
      `${control.url}/scenario`,
      JSON.stringify(scenario),
    );
    expect(response.status).toBe(204);
    expect((cluster.get(gpuRef) as any).spec.replicas).toBe(11);
  });

  it('refuses a scenario whose spec is invalid, changing nothing', async () => {
    const before = JSON.stringify(cluster.get(gpuRef));
    const response = await put(
      `${control.url}/scenario`,
      JSON.stringify({ spec: { kind: 'WorkerPlatform' } }),
    );
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/invalid scenario spec/);
    expect(JSON.stringify(cluster.get(gpuRef))).toBe(before);
  });

  it('serves nothing else', async () => {
    expect((await put(`${control.url}/other`, '{}')).status).toBe(404);
  });
});
