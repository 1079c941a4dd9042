/**
 * Starts what a multi-replica run needs, for `yarn test:replicas` and
 * `yarn bench:load`: a fresh PostgreSQL database, the fake Kubernetes API
 * server (with its control endpoint), and backend replicas on that database
 * (app-config.yaml + app-config.replicas.yaml, NODE_ENV=production), each in
 * its own process group so that stopping one stops only what it started.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const YAML = require('yaml');

/** The repository root. */
export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** PostgreSQL as the README says: 127.0.0.1:5432, user postgres, or POSTGRES_*. */
export const POSTGRES = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? '',
};

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function postgresUnavailable() {
  const client = new Client({
    ...POSTGRES,
    database: 'postgres',
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} as ${POSTGRES.user} (${error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(sql) {
  const client = new Client({ ...POSTGRES, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database for one run; `drop()` removes it. */
export async function createDatabase(prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** The example service's spec as a fake-cluster scenario (all synced and idle). */
export function pingvasaiScenario(environments = {}) {
  const spec = YAML.parse(
    fs.readFileSync(path.join(ROOT, 'examples/specs/pingvasai.yaml'), 'utf8'),
  );
  return { spec, environments };
}

/**
 * A config file in `dir` adding catalog locations to app-config.yaml's
 * (arrays in a later config replace, not extend, earlier ones). Targets are
 * relative to packages/backend, as in app-config.yaml.
 */
export function withCatalogLocations(dir, locations) {
  const base = YAML.parse(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  );
  const file = path.join(dir, 'app-config.locations.yaml');
  fs.writeFileSync(
    file,
    YAML.stringify({
      catalog: { locations: [...base.catalog.locations, ...locations] },
    }),
  );
  return file;
}

/**
 * Resolves when `url` answers 2xx (or any status, with `anyStatus`), rejects
 * after `timeoutMs`.
 */
export async function waitForHttp(
  url,
  timeoutMs,
  isAlive = () => true,
  anyStatus = false,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`stopped before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok || anyStatus) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * A child process in its own process group, its output kept in a log file
 * (and in memory, for the checks that read it).
 */
export function spawnGroup(command, args, { cwd, env, logFile }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = fs.createWriteStream(logFile);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => {
      output += chunk;
      log.write(chunk);
    });
  }
  const exited = new Promise(resolve => child.on('exit', resolve));
  let alive = true;
  exited.then(() => {
    alive = false;
    log.end();
  });
  return {
    child,
    get output() {
      return output;
    },
    isAlive: () => alive,
    exited,
    /** SIGTERM to the group, SIGKILL after `graceMs`. */
    async stop(graceMs = 10_000) {
      if (!alive) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A directory for the run's logs. */
export function logDirectory(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
}

/**
 * The fake Kubernetes API server with the given scenario, its fake ArgoCD
 * controller, and its control endpoint (`putScenario`).
 */
export async function startFakeCluster({ scenario, logDir }) {
  const port = await freePort();
  const controlPort = await freePort();
  const scenarioFile = path.join(logDir, 'scenario.json');
  fs.writeFileSync(scenarioFile, JSON.stringify(scenario));
  const processGroup = spawnGroup(
    'yarn',
    [
      'workspace',
      '@worker-platform/plugin-worker-platform-test-utils',
      'fake-cluster',
      '--port',
      String(port),
      '--control-port',
      String(controlPort),
      '--scenario',
      scenarioFile,
    ],
    { cwd: ROOT, env: {}, logFile: path.join(logDir, 'fake-cluster.log') },
  );
  const url = `http://127.0.0.1:${port}`;
  // It answers 404 without a token: listening is what counts.
  await waitForHttp(`${url}/version`, 60_000, processGroup.isAlive, true);
  return {
    url,
    ...processGroup,
    async putScenario(next) {
      const res = await fetch(`http://127.0.0.1:${controlPort}/scenario`, {
        method: 'PUT',
        body: JSON.stringify(next),
      });
      if (res.status !== 204) {
        throw new Error(`PUT /scenario: ${res.status} ${await res.text()}`);
      }
    },
  };
}

/**
 * One backend replica on `database`, watching `clusterUrl`, with the load
 * balancer's `publicUrl` as its baseUrl. Resolves once it is ready. Start
 * the first replica on a new database alone: replicas migrating the same
 * empty database at once fail ("Migration table is already locked").
 */
export async function startReplica({
  name,
  database,
  publicUrl,
  clusterUrl,
  logDir,
  extraConfigs = [],
  env = {},
}) {
  const port = await freePort();
  const processGroup = spawnGroup(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.replicas.yaml',
      ...extraConfigs.flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: {
        NODE_ENV: 'production',
        APP_CONFIG_backend_listen_port: String(port),
        REPLICAS_PUBLIC_URL: publicUrl,
        REPLICAS_DATABASE: database,
        REPLICAS_CLUSTER_URL: clusterUrl,
        POSTGRES_HOST: POSTGRES.host,
        POSTGRES_PORT: String(POSTGRES.port),
        POSTGRES_USER: POSTGRES.user,
        POSTGRES_PASSWORD: POSTGRES.password,
        ...env,
      },
      logFile: path.join(logDir, `replica-${name}.log`),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(
      `${url}/.backstage/health/v1/readiness`,
      240_000,
      // A plugin that failed to start leaves the process up but never ready.
      () =>
        processGroup.isAlive() &&
        !/threw an error during startup/.test(processGroup.output),
    );
  } catch (error) {
    await processGroup.stop();
    throw new Error(
      `replica ${name}: ${error.message}\n${processGroup.output.slice(-3000)}`,
    );
  }
  return { name, url, port, ...processGroup };
}

/** A user token of the catalog's guest (`user:default/guest`). */
export async function signInAsGuest(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in: ${res.status} ${await res.text()}`);
  }
  const body = await res.json();
  return body.backstageIdentity.token;
}

/**
 * A Signals connection as the frontend's SignalClient opens it (the token as
 * the WebSocket protocol), subscribed to `channels`; `messages` collects
 * what arrives as `{ channel, message }`.
 */
export async function openSignals(baseUrl, token, channels) {
  const url = new URL('/api/signals', baseUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, token);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`Signals connection to ${url}`));
  });
  const messages = [];
  const waiters = new Set();
  socket.onmessage = event => {
    const parsed = JSON.parse(event.data);
    messages.push(parsed);
    for (const waiter of waiters) waiter();
  };
  for (const channel of channels) {
    socket.send(JSON.stringify({ action: 'subscribe', channel }));
  }
  return {
    messages,
    /** Resolves with the first message (from now on or already received) matching `predicate`. */
    waitFor(predicate, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such signal within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}
