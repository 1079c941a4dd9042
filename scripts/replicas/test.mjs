#!/usr/bin/env node
/**
 * `yarn test:replicas`: two backend replicas on one fresh PostgreSQL
 * database, both watching one fake cluster, behind a round-robin proxy.
 * Checks what must hold for a platform team running several replicas:
 *
 * 1. a scaling point pushed by one replica reaches a Signals connection held
 *    by the other (only the events backend's bus can carry it there);
 * 2. an operation requested through one replica shows through both, and its
 *    owner notification reaches a Signals connection on the other;
 * 3. scaffolder tasks created through the proxy each run exactly once;
 * 4. with one replica stopped, the other serves status and operations.
 *
 * Prints `SKIPPED: …` and exits 0 without PostgreSQL; prints one line per
 * check and `N passed, N failed, N skipped` (read by scripts/test-all.mjs).
 * Logs of every process stay in the directory it names.
 */
import * as harness from './harness.mjs';
import { startRoundRobinProxy } from './proxy.mjs';

const ENTITY = 'component/default/pingvasai';
const ENTITY_REF = 'component:default/pingvasai';
const STATUS_CHANNEL = `worker-platform:status:${ENTITY_REF}`;
const SIGNAL_TIMEOUT_MS = 30_000;

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    ${String(error.stack ?? error)}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function until(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `${what}: not within ${timeoutMs / 1000} s${last ? ` (${last})` : ''}`,
  );
}

function api(baseUrl, token) {
  return async (path, init = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return {
      status: res.status,
      body,
      servedBy: res.headers.get('x-served-by'),
    };
  };
}

function application(status, name) {
  return status.environments
    ?.flatMap(environment => environment.applications ?? [])
    .find(app => app.name === name);
}

async function main() {
  const unavailable = await harness.postgresUnavailable();
  if (unavailable) {
    console.log(`SKIPPED: two-replica test: ${unavailable}`);
    console.log('0 passed, 0 failed, 1 skipped');
    return 0;
  }
  const logDir = harness.logDirectory('worker-platform-replicas');
  console.log(`Logs: ${logDir}`);
  const cleanup = [];
  try {
    const database = await harness.createDatabase('wp_replicas');
    cleanup.unshift(() => database.drop());
    const cluster = await harness.startFakeCluster({
      scenario: harness.pingvasaiScenario(),
      logDir,
    });
    cleanup.unshift(() => cluster.stop());
    const proxyPort = await harness.freePort();
    const publicUrl = `http://127.0.0.1:${proxyPort}`;
    // The catalog also holds a template whose one step logs a marker.
    const extraConfigs = [
      harness.withCatalogLocations(logDir, [
        {
          type: 'file',
          target: '../../scripts/replicas/template.yaml',
          rules: [{ allow: ['Template'] }],
        },
      ]),
    ];
    // One after the other: the first migrates the empty database.
    const replicas = [];
    for (const name of ['a', 'b']) {
      const replica = await harness.startReplica({
        name,
        database: database.name,
        publicUrl,
        clusterUrl: cluster.url,
        logDir,
        extraConfigs,
      });
      cleanup.unshift(() => replica.stop());
      replicas.push(replica);
    }
    const [a, b] = replicas;
    const proxy = await startRoundRobinProxy(
      [a, b].map(r => ({ name: r.name, url: r.url })),
      { port: proxyPort },
    );
    cleanup.unshift(() => proxy.stop());
    console.log(`Replicas a ${a.url}, b ${b.url}, proxy ${proxy.url}`);

    const token = await harness.signInAsGuest(proxy.url);
    const viaProxy = api(proxy.url, token);
    const viaA = api(a.url, token);
    const viaB = api(b.url, token);
    // Both have ingested the catalog and synced their watch.
    for (const [name, call] of [
      ['a', viaA],
      ['b', viaB],
    ]) {
      await until(
        `replica ${name} serves pingvasai's status`,
        120_000,
        async () => {
          const { status, body } = await call(
            `/api/worker-platform/status/${ENTITY}`,
          );
          return (
            status === 200 && application(body, 'pingvasai-production-api')
          );
        },
      );
    }

    await check(
      'the events backend is used, not the local fallback',
      async () => {
        for (const replica of [a, b]) {
          assert(
            !/events backend not found/.test(replica.output),
            `replica ${replica.name} logged "events backend not found"`,
          );
          assert(
            /using database store/.test(replica.output),
            `replica ${replica.name} did not put the event bus in the database`,
          );
        }
      },
    );

    await check(
      'a scaling point pushed by replica b reaches a Signals connection on replica a',
      async () => {
        const onA = await harness.openSignals(a.url, token, [STATUS_CHANNEL]);
        try {
          // Reading the history through b makes the guest a reader there,
          // and only there: a does not know this user reads the chart, so
          // a never pushes points to it. The points can reach the
          // connection on a only through the events bus.
          const history = await viaB(
            `/api/worker-platform/history/${ENTITY}?environment=production&minutes=60`,
          );
          assert(history.status === 200, `history via b: ${history.status}`);
          await cluster.putScenario(
            harness.pingvasaiScenario({
              production: { workers: { gpu: { replicas: 7, ready: 7 } } },
            }),
          );
          const pushed = await onA.waitFor(
            ({ channel, message }) =>
              channel === STATUS_CHANNEL &&
              message?.type === 'history-points' &&
              message.environment === 'production' &&
              message.points.some(point => point.desired === 7),
            SIGNAL_TIMEOUT_MS,
          );
          assert(pushed, 'no history-points message');
        } finally {
          onA.close();
        }
      },
    );

    await check(
      'a sync requested through replica b shows through both, and its notification reaches replica a',
      async () => {
        const onA = await harness.openSignals(a.url, token, ['notifications']);
        try {
          const requestedAt = new Date(Date.now() - 1000).toISOString();
          const sync = await viaB(`/api/worker-platform/operations/${ENTITY}`, {
            method: 'POST',
            body: JSON.stringify({
              environment: 'production',
              operation: 'sync',
              application: 'pingvasai-production-api',
            }),
          });
          assert(
            sync.status === 202,
            `sync via b: ${sync.status} ${JSON.stringify(sync.body)}`,
          );
          for (const [name, call] of [
            ['a', viaA],
            ['b', viaB],
          ]) {
            await until(
              `replica ${name} shows the finished sync`,
              30_000,
              async () => {
                const { body } = await call(
                  `/api/worker-platform/status/${ENTITY}`,
                );
                const operation = application(
                  body,
                  'pingvasai-production-api',
                )?.operation;
                return (
                  operation?.phase === 'Succeeded' &&
                  operation.startedAt >= requestedAt
                );
              },
            );
          }
          // The production operation notifies the owners (the guest is in
          // group:default/platform); b's notifications backend signals it.
          await onA.waitFor(
            ({ channel, message }) =>
              channel === 'notifications' &&
              message?.action === 'new_notification',
            SIGNAL_TIMEOUT_MS,
          );
        } finally {
          onA.close();
        }
      },
    );

    await check(
      'scaffolder tasks created through the proxy each run exactly once',
      async () => {
        await until('the test template in the catalog', 60_000, async () => {
          const { status } = await viaProxy(
            '/api/catalog/entities/by-name/template/default/replicas-exactly-once',
          );
          return status === 200;
        });
        const markers = Array.from(
          { length: 6 },
          (_, i) => `m${i}-${Date.now()}`,
        );
        const tasks = await Promise.all(
          markers.map(async marker => {
            const created = await viaProxy('/api/scaffolder/v2/tasks', {
              method: 'POST',
              body: JSON.stringify({
                templateRef: 'template:default/replicas-exactly-once',
                values: { marker },
              }),
            });
            assert(
              created.status === 201,
              `task: ${created.status} ${JSON.stringify(created.body)}`,
            );
            return {
              marker,
              id: created.body.id,
              createdVia: created.servedBy,
            };
          }),
        );
        const createdVia = new Set(tasks.map(task => task.createdVia));
        assert(
          createdVia.size === 2,
          `tasks created through ${[...createdVia]} only`,
        );
        for (const task of tasks) {
          const done = await until(
            `task ${task.id} finishes`,
            60_000,
            async () => {
              const { body } = await viaProxy(
                `/api/scaffolder/v2/tasks/${task.id}`,
              );
              return ['completed', 'failed'].includes(body.status) && body;
            },
          );
          assert(
            done.status === 'completed',
            `task ${task.id}: ${done.status}`,
          );
          const { body: events } = await viaProxy(
            `/api/scaffolder/v2/tasks/${task.id}/events`,
          );
          // debug:log logs its input as JSON, then the message on its own line:
          // a task that ran twice has two of the latter.
          const runs = events.filter(
            event =>
              event.type === 'log' &&
              String(event.body?.message)
                .replace(/\u001b\[\d+m/g, '')
                .endsWith(`: replicas-marker ${task.marker}`),
          );
          assert(
            runs.length === 1,
            `task ${task.id} logged its marker ${
              runs.length
            } times: ${JSON.stringify(runs)}`,
          );
        }
      },
    );

    await check(
      'with replica a stopped, replica b serves status and operations',
      async () => {
        await a.stop();
        for (let i = 0; i < 6; i += 1) {
          const { status, servedBy } = await viaProxy(
            `/api/worker-platform/status/${ENTITY}`,
          );
          assert(status === 200, `status ${i}: ${status}`);
          assert(servedBy === 'b', `status ${i} served by ${servedBy}`);
        }
        const refresh = await viaProxy(
          `/api/worker-platform/operations/${ENTITY}`,
          {
            method: 'POST',
            body: JSON.stringify({
              environment: 'staging',
              operation: 'refresh',
              application: 'pingvasai-staging-api',
            }),
          },
        );
        assert(
          refresh.status === 202,
          `refresh: ${refresh.status} ${JSON.stringify(refresh.body)}`,
        );
        // Live updates go on: a new connection lands on b and still gets pushes.
        const onB = await harness.openSignals(proxy.url, token, [
          STATUS_CHANNEL,
        ]);
        try {
          await cluster.putScenario(
            harness.pingvasaiScenario({
              production: { workers: { gpu: { replicas: 3, ready: 3 } } },
            }),
          );
          await onB.waitFor(
            ({ channel }) => channel === STATUS_CHANNEL,
            SIGNAL_TIMEOUT_MS,
          );
        } finally {
          onB.close();
        }
      },
    );
  } catch (error) {
    results.push({ name: 'set-up', ok: false });
    console.log(`✗ set-up: ${error.stack ?? error}`);
  } finally {
    for (const step of cleanup) await step().catch(() => {});
  }
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed, 0 skipped`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
