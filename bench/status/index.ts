/*
 * Status route benchmark: (a) the watch cache vs (b) a per-request LIST
 * fan-out by label selector (what the Backstage Kubernetes plugin does on
 * every page view), against a fake API server holding a whole fleet with
 * added latency. Prints a markdown table. See README.md.
 *
 *   yarn bench:status [--duration 30] [--services 1000] [--clients 50] [--latency 20]
 */
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { fork } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigClusterSupplier } from '../../plugins/worker-platform-backend/src/clusters/ConfigClusterSupplier';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_QUEUE_DEPTH_SETTINGS,
  QUEUE_DEPTH_REFRESH_TASK,
} from '../../plugins/worker-platform-backend/src/queueDepth/QueueDepthPoller';
import { DeployStatusService } from '../../plugins/worker-platform-backend/src/service/DeployStatusService';
import { KubernetesClusterClient } from '../../plugins/worker-platform-backend/src/watch/KubernetesClusterClient';
import { serviceName } from './benchFleet';
import { fanOutStatus } from './fanOutStatus';
import { LoadResult, percentiles, runLoad } from './runLoad';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    services: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
    latency: { type: 'string', default: '20' },
  },
});
const durationMs = Number(values.duration) * 1000;
const services = Number(values.services);
const clients = Number(values.clients);
const latencyMs = Number(values.latency);

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

type Counts = {
  list: number;
  watch: number;
  metrics: number;
  other: number;
  total: number;
};

/** The fake API server in a child process, and its request counters. */
async function startFakeCluster() {
  const child = fork(resolve(__dirname, 'fakeClusterProcess.ts'), [], {
    execArgv: ['--require', '@backstage/cli/config/nodeTransform.cjs'],
    env: {
      ...process.env,
      BENCH_SERVICES: String(services),
      BENCH_LATENCY_MS: String(latencyMs),
    },
  });
  const ask = <T>(message: string, key: string) =>
    new Promise<T>(done => {
      const listener = (reply: any) => {
        if (key in reply) {
          child.off('message', listener);
          done(reply[key]);
        }
      };
      child.on('message', listener);
      if (message) child.send(message);
    });
  const port = await ask<string>('', 'port');
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ask<Counts>('counts', 'counts'),
    reset: () => ask<boolean>('reset', 'reset'),
    stop: () => child.disconnect(),
  };
}

function heapMb(): number {
  (global as any).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function main() {
  const loadBefore = os.loadavg()[0].toFixed(1);
  process.stderr.write(
    `Loading ${services} services into the fake API server...\n`,
  );
  const cluster = await startFakeCluster();
  const [watched] = await ConfigClusterSupplier.fromConfig(
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'bench',
                url: cluster.url,
                serviceAccountToken: 'bench-token',
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    }),
    { logger: silentLogger },
  ).getClusters();

  const heapBefore = heapMb();
  const syncStarted = Date.now();
  const scheduler = mockServices.scheduler();
  const cache = new DeployStatusService({
    clusters: [watched],
    signals: { publish: async () => {} },
    logger: silentLogger,
    queueDepth: DEFAULT_QUEUE_DEPTH_SETTINGS,
    scheduler,
  });
  await cache.start();
  // The backend's scheduler runs the local refresh task on its interval;
  // this process has no backend, so it triggers the task itself.
  const refreshTimer = setInterval(
    () => scheduler.triggerTask(QUEUE_DEPTH_REFRESH_TASK).catch(() => {}),
    DEFAULT_QUEUE_DEPTH_SETTINGS.refreshIntervalMs,
  );
  const expected = services * 3 * 7;
  while (cache.summaryCount < expected) {
    if (Date.now() - syncStarted > 300_000)
      throw new Error(
        `synced ${cache.summaryCount} of ${expected} objects in 5 min`,
      );
    await new Promise(r => setTimeout(r, 100));
  }
  const syncSeconds = (Date.now() - syncStarted) / 1000;
  const cacheHeapMb = heapMb() - heapBefore;
  const rssMb = process.memoryUsage().rss / 2 ** 20;

  const client = new KubernetesClusterClient({
    kubeConfig: watched.kubeConfig,
  });
  // Time spent in the server per view, without the load generator's queueing.
  let serverTimes: number[] = [];
  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    res.on('finish', () => serverTimes.push(performance.now() - started));
    const [, variant, name] = (req.url ?? '').split('/');
    const entityRef = `component:default/${name}`;
    const body =
      variant === 'cache'
        ? cache.getStatus(entityRef, name)
        : await fanOutStatus(client, entityRef, name);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const names = Array.from({ length: services }, (_, i) => serviceName(i));

  // Every service viewed once, so queue depths are being polled for all.
  await runLoad({
    url: `${base}/cache`,
    names,
    clients,
    durationMs: 0,
    views: services,
  });
  const measure = async (
    label: string,
    path: string,
  ): Promise<[string, LoadResult, Counts, { p50: number; p99: number }]> => {
    process.stderr.write(`Running ${label} for ${durationMs / 1000} s...\n`);
    await cluster.reset();
    serverTimes = [];
    const result = await runLoad({
      url: `${base}/${path}`,
      names,
      clients,
      durationMs,
    });
    return [label, result, await cluster.counts(), percentiles(serverTimes)];
  };
  const phases = [await measure('(a) watch cache', 'cache')];
  // (b) runs without the cache's watches and polling in the background.
  clearInterval(refreshTimer);
  await cache.stop();
  phases.push(await measure('(b) LIST fan-out per view', 'fanout'));

  const [a, b] = phases;
  const perThousand = (calls: number, result: LoadResult) =>
    ((calls / result.views) * 1000).toFixed(1);
  const lines = [
    `Status route, ${services} services × 3 environments = ${expected} objects, ${latencyMs} ms added API latency, ${clients} concurrent clients, ${
      durationMs / 1000
    } s per variant.`,
    `Cache synced in ${syncSeconds.toFixed(
      1,
    )} s. One process serves and loads; the fake API server runs in another.`,
    `CPU is shared with other work on this machine: load average ${loadBefore} before, ${os
      .loadavg()[0]
      .toFixed(1)} after, ${os.cpus().length} cores.`,
    '',
    '| variant | client p50 ms | client p99 ms | server p50 ms | server p99 ms | views/s | errors | LIST+WATCH calls / 1,000 views | metric calls / 1,000 views | memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...phases.map(([label, result, counts, server]) => {
      const memory = label.startsWith('(a)')
        ? `cache ${cacheHeapMb.toFixed(0)} MB heap, process RSS ${rssMb.toFixed(
            0,
          )} MB`
        : 'no cache';
      const cells = [
        label,
        result.p50.toFixed(2),
        result.p99.toFixed(2),
        server.p50.toFixed(2),
        server.p99.toFixed(2),
        result.perSecond.toFixed(0),
        result.errors,
        perThousand(counts.list + counts.watch, result),
        perThousand(counts.metrics, result),
        memory,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
    `Client times include queueing behind ${clients} closed-loop clients on a shared CPU; server times are from request arrival to response end in the serving process.`,
    `Client p50 of (b) / (a): ${(b[1].p50 / a[1].p50).toFixed(
      0,
    )}×; server p50 of (b) / (a): ${(b[3].p50 / a[3].p50).toFixed(
      0,
    )}×. (a)'s metric calls are its background queue-depth polling (every ${
      DEFAULT_QUEUE_DEPTH_SETTINGS.refreshIntervalMs / 1000
    } s, ${
      DEFAULT_QUEUE_DEPTH_SETTINGS.concurrency
    } in flight) of the services viewed in the last ${
      DEFAULT_QUEUE_DEPTH_SETTINGS.interestWindowMs / 60_000
    } min, independent of the number of views; (b) shows no queue depths at all.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  server.close();
  cluster.stop();
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
