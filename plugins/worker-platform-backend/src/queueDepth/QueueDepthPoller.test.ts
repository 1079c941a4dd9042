import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import { StatusStore } from '../summaries/StatusStore';
import { watchedKindOf } from '../summaries/watchedKinds';
import {
  FakeKubernetesApiServer,
  buildScenario,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { KubernetesClusterClient } from '../watch/KubernetesClusterClient';
import { QUEUE_DEPTH_REFRESH_TASK, QueueDepthPoller } from './QueueDepthPoller';

const GPU = {
  cluster: 'prod-eu',
  namespace: 'pingvasai-production-worker',
  scaledObject: 'pingvasai-gpu-worker',
};

describe('QueueDepthPoller', () => {
  let server: FakeKubernetesApiServer;
  let client: KubernetesClusterClient;
  const store = new StatusStore();

  beforeAll(async () => {
    server = await FakeKubernetesApiServer.start({ token: 't' });
    const { objects, metrics } = buildScenario(pingvasaiScenario);
    metrics.forEach(metric => server.setMetric(metric));
    // The store holds what a watch would have put there.
    objects.forEach(object => {
      const summary = watchedKindOf(object)?.reduce(object, 'prod-eu');
      if (summary) store.upsert(summary);
    });
    const [cluster] = await ConfigClusterSupplier.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod-eu',
                  url: server.url,
                  serviceAccountToken: 't',
                  skipTLSVerify: true,
                },
              ],
            },
          ],
        },
      }),
      { logger: mockServices.logger.mock() },
    ).getClusters();
    client = new KubernetesClusterClient({ kubeConfig: cluster.kubeConfig });
  });

  afterAll(async () => {
    await server.stop();
  });

  function poller(interestWindowMs = 60_000) {
    const onChange = jest.fn();
    const scheduler = mockServices.scheduler();
    const instance = new QueueDepthPoller({
      store,
      clientFor: cluster => (cluster === 'prod-eu' ? client : undefined),
      settings: { refreshIntervalMs: 60_000, concurrency: 2, interestWindowMs },
      scheduler,
      logger: mockServices.logger.mock(),
      onChange,
    });
    return { instance, onChange, scheduler };
  }

  it('refreshes in a local scheduler task at the configured interval', async () => {
    const { instance, scheduler, onChange } = poller();
    await instance.start();
    const [task] = await scheduler.getScheduledTasks();
    expect(task).toMatchObject({
      id: QUEUE_DEPTH_REFRESH_TASK,
      scope: 'local',
    });
    instance.noteInterest('pingvasai');
    await new Promise(resolve => setTimeout(resolve, 50));
    onChange.mockClear();
    server.setMetric({
      namespace: GPU.namespace,
      scaledObject: GPU.scaledObject,
      metric: 's4-redis-free',
      value: 17,
    });
    await scheduler.triggerTask(QUEUE_DEPTH_REFRESH_TASK);
    expect(instance.depth({ ...GPU, metric: 's4-redis-free' })).toBe(17);
    expect(onChange).toHaveBeenCalledWith(new Set(['pingvasai']));
    await instance.stop();
    server.setMetric({
      namespace: GPU.namespace,
      scaledObject: GPU.scaledObject,
      metric: 's4-redis-free',
      value: 31,
    });
  });

  it('fetches the depths of a viewed entity, two at a time, and reports the change', async () => {
    server.setLatency(30);
    server.resetRequestCounts();
    const { instance, onChange } = poller();
    expect(instance.depth({ ...GPU, metric: 's4-redis-free' })).toBeNull();

    instance.noteInterest('pingvasai');
    await new Promise(resolve => setTimeout(resolve, 50));
    await instance.refreshAll();

    expect(instance.depth({ ...GPU, metric: 's4-redis-free' })).toBe(31);
    expect(instance.depth({ ...GPU, metric: 's3-redis-starter' })).toBe(0);
    expect(onChange).toHaveBeenCalledWith(new Set(['pingvasai']));
    // 3 environments × 7 triggers, fetched twice (first view, then the round).
    expect(server.requestCounts.metrics).toBe(42);
    expect(server.peakConcurrentRequests).toBe(2);
    server.setLatency(0);
    await instance.stop();
  });

  it('does not report a refresh that changed nothing', async () => {
    const { instance, onChange } = poller();
    instance.noteInterest('pingvasai');
    await instance.refreshAll();
    onChange.mockClear();
    await instance.refreshAll();
    expect(onChange).not.toHaveBeenCalled();
    server.setMetric({
      namespace: GPU.namespace,
      scaledObject: GPU.scaledObject,
      metric: 's4-redis-free',
      value: 2,
    });
    await instance.refreshAll();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(instance.depth({ ...GPU, metric: 's4-redis-free' })).toBe(2);
    await instance.stop();
  });

  it('stops polling entities nobody viewed within the window', async () => {
    const { instance } = poller(1);
    instance.noteInterest('pingvasai');
    await new Promise(resolve => setTimeout(resolve, 20));
    server.resetRequestCounts();
    await instance.refreshAll();
    expect(server.requestCounts.metrics).toBe(0);
    await instance.stop();
  });

  it('keeps nothing for entities without ScaledObjects or clusters it does not know', async () => {
    const { instance } = poller();
    server.resetRequestCounts();
    instance.noteInterest('no-such-service');
    await instance.refreshAll();
    expect(server.requestCounts.metrics).toBe(0);
    await instance.stop();
  });
});
