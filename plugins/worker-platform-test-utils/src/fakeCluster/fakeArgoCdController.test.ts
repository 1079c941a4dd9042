import { applyScenario, pingvasaiScenario } from './applyScenario';
import { startFakeArgoCdController } from './fakeArgoCdController';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { PATCH_CONTENT_TYPES } from './patch';

const APP = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  namespace: 'argocd',
  name: 'pingvasai-staging-api',
};
const PATH =
  '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/pingvasai-staging-api';

async function until(condition: () => boolean) {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('not reached in 3 s');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('startFakeArgoCdController', () => {
  let server: FakeKubernetesApiServer;
  let stop: () => void;

  beforeEach(async () => {
    server = await FakeKubernetesApiServer.start();
    applyScenario(server, pingvasaiScenario);
    stop = startFakeArgoCdController(server, { stepMs: 50 });
  });

  afterEach(async () => {
    stop();
    await server.stop();
  });

  const patch = (body: unknown) =>
    fetch(`${server.url}${PATH}`, {
      method: 'PATCH',
      headers: { 'content-type': PATCH_CONTENT_TYPES.merge },
      body: JSON.stringify(body),
    });

  it('runs a requested sync to Synced, with a new history entry', async () => {
    const before = (server.get(APP)!.status as any).history.length;
    await patch({ operation: { sync: { revision: 'abc123' } } });
    await until(
      () => (server.get(APP)!.status as any).operationState.phase === 'Running',
    );
    await until(() => server.get(APP)!.operation === undefined);
    const status = server.get(APP)!.status as any;
    expect(status.operationState.phase).toBe('Succeeded');
    expect(status.sync).toMatchObject({ status: 'Synced', revision: 'abc123' });
    expect(status.history).toHaveLength(before + 1);
  });

  it('ends a terminated operation as Failed', async () => {
    await patch({ operation: { sync: {} } });
    await until(
      () => (server.get(APP)!.status as any).operationState.phase === 'Running',
    );
    await patch({ status: { operationState: { phase: 'Terminating' } } });
    await until(
      () => (server.get(APP)!.status as any).operationState.phase === 'Failed',
    );
    expect(server.get(APP)!.operation).toBeUndefined();
  });

  it('leaves objects the harness changes alone', async () => {
    server.update(APP, object => {
      object.operation = { sync: {} };
    });
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(server.get(APP)!.operation).toEqual({ sync: {} });
  });
});
