import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  EntityDeployStatus,
  WorkerPoolStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { AddressInfo, createServer } from 'node:net';
import { ConfigClusterSupplier } from '../clusters/ConfigClusterSupplier';
import {
  FakeKubernetesApiServer,
  FakeScenario,
  applyScenario,
  pingvasaiScenario,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { DeployStatusService } from './DeployStatusService';

const TOKEN = 'sa-token';
const ENTITY = 'component:default/pingvasai';
const GPU_PRODUCTION = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  namespace: 'pingvasai-production-worker',
  name: 'pingvasai-gpu-worker',
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  if (unhandled.length > 0) {
    throw new Error(`unhandled rejections: ${unhandled.join(', ')}`);
  }
});

async function clustersFor(url: string) {
  const config = new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'prod-eu',
              url,
              serviceAccountToken: TOKEN,
              skipTLSVerify: true,
            },
          ],
        },
      ],
    },
  });
  return ConfigClusterSupplier.fromConfig(config, {
    logger: mockServices.logger.mock(),
  }).getClusters();
}

/**
 * Waits until the assertion holds. The deadline only bounds the wait: how
 * fast a change shows is measured by bench/, not asserted on a shared CI
 * machine's clock.
 */
async function eventually(
  assertion: () => void,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  }
}

const pool = (status: EntityDeployStatus, environment: string, name: string) =>
  status.environments
    .find(e => e.name === environment)
    ?.workers.find(w => w.name === name) as WorkerPoolStatus | undefined;

describe('DeployStatusService against a fake API server', () => {
  let server: FakeKubernetesApiServer;
  let service: DeployStatusService;
  let publish: jest.Mock;

  async function startService(url: string, refreshIntervalMs = 200) {
    publish = jest.fn().mockResolvedValue(undefined);
    service = new DeployStatusService({
      clusters: await clustersFor(url),
      signals: { publish },
      logger: mockServices.logger.mock(),
      queueDepth: {
        refreshIntervalMs,
        concurrency: 2,
        interestWindowMs: 60_000,
      },
      scheduler: mockServices.scheduler(),
      backoff: { initialDelayMs: 100, maxDelayMs: 1000 },
      signalDebounceMs: 20,
    });
    await service.start();
  }

  async function startSynced(
    scenario: FakeScenario = pingvasaiScenario,
    refreshIntervalMs?: number,
  ) {
    server = await FakeKubernetesApiServer.start({
      token: TOKEN,
      bookmarkIntervalMs: 200,
    });
    applyScenario(server, scenario);
    await startService(server.url, refreshIntervalMs);
    await eventually(() => {
      expect(service.clusters[0].connected).toBe(true);
      expect(service.getStatus(ENTITY, 'pingvasai').environments).toHaveLength(
        3,
      );
    });
  }

  afterEach(async () => {
    await service?.stop();
    await server?.stop();
  });

  it('serves every environment, pool state and queue depth from the watch', async () => {
    await startSynced();
    await eventually(() => {
      const gpu = pool(
        service.getStatus(ENTITY, 'pingvasai'),
        'production',
        'gpu',
      )!;
      expect(gpu.triggers.map(t => t.currentLength)).toEqual([2, 3, 7, 0, 31]);
    });
    const status = service.getStatus(ENTITY, 'pingvasai');
    expect(status).toMatchObject({
      entityRef: ENTITY,
      stale: false,
      clusters: [{ name: 'prod-eu', connected: true }],
    });
    expect(pool(status, 'production', 'gpu')?.state).toBe('active');
    expect(pool(status, 'production', 'api-relay')?.state).toBe('idle');
    expect(pool(status, 'production', 'system')?.state).toBe('paused');
    expect(pool(status, 'staging', 'system')?.state).toBe('failing');
    expect(JSON.stringify(status)).not.toContain(server.url);
  });

  it('shows a ScaledObject change and signals the viewer', async () => {
    await startSynced();
    service.getStatus(ENTITY, 'pingvasai');
    publish.mockClear();
    server.update(GPU_PRODUCTION, object => {
      object.metadata.annotations = { 'autoscaling.keda.sh/paused': 'true' };
    });
    await eventually(() => {
      expect(
        pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu')
          ?.state,
      ).toBe('paused');
    });
    await eventually(() =>
      expect(publish).toHaveBeenCalledWith(
        expect.objectContaining({
          channel: `worker-platform:status:${ENTITY}`,
        }),
      ),
    );
  });

  it('answers 100 page views without a single request to the cluster', async () => {
    await startSynced(pingvasaiScenario, 60_000);
    // Until every depth arrived, so that no fetch is still in flight.
    await eventually(() => {
      const depths = service
        .getStatus(ENTITY, 'pingvasai')
        .environments.flatMap(e => e.workers.flatMap(w => w.triggers))
        .map(t => t.currentLength);
      expect(depths).toHaveLength(21);
      expect(depths).not.toContain(null);
    });
    server.resetRequestCounts();
    for (let i = 0; i < 100; i++) service.getStatus(ENTITY, 'pingvasai');
    expect(server.requestCounts.total).toBe(0);
  });

  it('drops deleted objects and never shows other services or unlabelled objects', async () => {
    await startSynced();
    server.delete(GPU_PRODUCTION);
    const other = structuredClone(
      server.get({ ...GPU_PRODUCTION, name: 'pingvasai-system-worker' })!,
    );
    other.metadata.name = 'billing-worker';
    other.metadata.labels = {
      ...other.metadata.labels,
      'backstage.io/kubernetes-id': 'billing',
    };
    server.upsert(other);
    const unlabelled = structuredClone(other);
    unlabelled.metadata.name = 'stray-worker';
    delete unlabelled.metadata.labels!['backstage.io/kubernetes-id'];
    server.upsert(unlabelled);

    await eventually(() => {
      expect(
        pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu'),
      ).toBeUndefined();
      expect(
        service.getStatus('component:default/billing', 'billing')
          .environments[0].workers,
      ).toHaveLength(1);
    });
    const names = JSON.stringify(service.getStatus(ENTITY, 'pingvasai'));
    expect(names).not.toContain('billing-worker');
    expect(names).not.toContain('stray-worker');
  });

  it('lists an environment without ScaledObjects with no workers', async () => {
    await startSynced({
      ...pingvasaiScenario,
      environments: { staging: { withoutScaledObjects: true } },
    });
    const staging = service.getStatus(ENTITY, 'pingvasai').environments[1];
    expect(staging).toMatchObject({ name: 'staging', workers: [] });
    expect(staging.applications).toHaveLength(2);
  });

  it('resumes after dropped watches without listing again', async () => {
    await startSynced();
    const lists = server.requestCounts.list;
    server.dropWatches();
    server.update(GPU_PRODUCTION, object => {
      object.metadata.annotations = { 'autoscaling.keda.sh/paused': 'true' };
    });
    await eventually(() =>
      expect(
        pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu')
          ?.state,
      ).toBe('paused'),
    );
    expect(server.requestCounts.list).toBe(lists);
    await eventually(() => expect(service.clusters[0].connected).toBe(true));
  });

  it('lists again after 410 Gone and drops what vanished meanwhile', async () => {
    await startSynced();
    const lists = server.requestCounts.list;
    server.setLatency(300);
    server.expireWatches();
    server.delete(GPU_PRODUCTION);
    await eventually(() =>
      expect(
        pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu'),
      ).toBeUndefined(),
    );
    expect(server.requestCounts.list).toBeGreaterThanOrEqual(lists + 4);
  }, 10_000);

  it('lists again when a watch is refused with HTTP 410', async () => {
    await startSynced();
    const lists = server.requestCounts.list;
    server.failNext(410, 1, 'watch');
    server.dropWatches();
    await eventually(() =>
      expect(server.requestCounts.list).toBeGreaterThan(lists),
    );
    await eventually(() => {
      expect(service.clusters[0].connected).toBe(true);
      expect(service.getStatus(ENTITY, 'pingvasai').environments).toHaveLength(
        3,
      );
    });
  });

  it('reports a burst of 500s as stale data, then recovers', async () => {
    await startSynced();
    server.failNext(500, 6, 'watch');
    server.dropWatches();
    await eventually(() => {
      const status = service.getStatus(ENTITY, 'pingvasai');
      expect(status.stale).toBe(true);
      expect(status.clusters[0].error).toMatch(/answered HTTP 500/);
      // The last known state is still served.
      expect(status.environments).toHaveLength(3);
    });
    await eventually(() =>
      expect(service.getStatus(ENTITY, 'pingvasai').stale).toBe(false),
    );
  });

  it('keeps up with a slow API server (2 s latency)', async () => {
    await startSynced();
    server.setLatency(2000);
    server.dropWatches();
    server.update(GPU_PRODUCTION, object => {
      (object.spec as any).maxReplicaCount = 30;
    });
    await eventually(
      () =>
        expect(
          pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu')
            ?.replicas.max,
        ).toBe(30),
      8000,
    );
  }, 20_000);

  it('reports an unreachable cluster without its URL and connects once it is up', async () => {
    const port = await freePort();
    await startService(`http://127.0.0.1:${port}`);
    await eventually(() => {
      const status = service.getStatus(ENTITY, 'pingvasai');
      expect(status).toMatchObject({
        stale: true,
        environments: [],
        clusters: [
          {
            name: 'prod-eu',
            connected: false,
            lastEventAt: null,
            error: expect.stringContaining('ECONNREFUSED'),
          },
        ],
      });
      expect(JSON.stringify(status)).not.toContain(String(port));
    });
    server = await FakeKubernetesApiServer.start({ port, token: TOKEN });
    applyScenario(server, pingvasaiScenario);
    await eventually(() =>
      expect(service.getStatus(ENTITY, 'pingvasai').environments).toHaveLength(
        3,
      ),
    );
  });

  it('holds one summary per object however often objects change', async () => {
    await startSynced();
    const count = service.summaryCount;
    for (let i = 0; i < 200; i++) {
      server.update(GPU_PRODUCTION, object => {
        (object.status as any).lastActiveTime = new Date(
          Date.UTC(2026, 10, 28, 0, 0, i),
        ).toISOString();
      });
    }
    await eventually(() =>
      expect(
        pool(service.getStatus(ENTITY, 'pingvasai'), 'production', 'gpu')
          ?.lastActiveTime,
      ).toBe('2026-11-28T00:03:19.000Z'),
    );
    expect(service.summaryCount).toBe(count);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise(resolve => probe.close(resolve));
  return port;
}
