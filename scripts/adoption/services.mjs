/**
 * What the adopter's app runs against: this repository's fake Kubernetes
 * API server, and the app's own backend and frontend dev servers, each in
 * a process group of its own (see scripts/replicas/harness.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort, spawnGroup, waitForHttp } from '../replicas/harness.mjs';

const require = createRequire(import.meta.url);

/** The bearer token the fake cluster is started with. */
export const FAKE_CLUSTER_TOKEN = 'adoption-fake-cluster-token';

/**
 * The fake cluster's command-line entry, wherever a workspace under
 * plugins/ keeps it (`src/**\/fakeCluster/cli.ts`).
 */
export function findFakeClusterCli(root) {
  const found = [];
  const walk = (dir, depth) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const sub = path.join(dir, entry.name);
      if (
        entry.name === 'fakeCluster' &&
        fs.existsSync(path.join(sub, 'cli.ts'))
      ) {
        found.push(path.join(sub, 'cli.ts'));
      } else if (depth < 3) {
        walk(sub, depth + 1);
      }
    }
  };
  for (const name of fs.readdirSync(path.join(root, 'plugins'))) {
    const src = path.join(root, 'plugins', name, 'src');
    if (fs.existsSync(src)) walk(src, 0);
  }
  if (found.length !== 1) {
    throw new Error(
      `expected one plugins/*/src/**/fakeCluster/cli.ts, found ${
        found.length
      }: ${found.join(', ')}`,
    );
  }
  return found[0];
}

/** The fake cluster with the example service's scenario. */
export async function startFakeCluster(root, logDir) {
  const cli = findFakeClusterCli(root);
  const port = await freePort();
  const group = spawnGroup(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      cli,
      '--port',
      String(port),
      '--token',
      FAKE_CLUSTER_TOKEN,
      '--scenario',
      'pingvasai',
    ],
    {
      cwd: path.dirname(cli),
      env: {},
      logFile: path.join(logDir, 'fake-cluster.log'),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // It answers 404 without a token: listening is what counts.
  await waitForHttp(`${url}/version`, 60_000, group.isAlive, true);
  return { url, ...group };
}

const CONFIG_ARGS = [
  '--config',
  '../../app-config.yaml',
  '--config',
  '../../app-config.adoption.yaml',
];

/**
 * `yarn workspace <name> start` in the app, as its README says to run it,
 * with the adoption config on top. The process group comes back at once
 * (stop it whatever happens); `ready` resolves once `readyUrl` answers.
 */
function startWorkspace({
  appDir,
  workspace,
  readyUrl,
  timeoutMs,
  logDir,
  brokenWhen,
}) {
  const group = spawnGroup(
    'yarn',
    ['workspace', workspace, 'start', ...CONFIG_ARGS],
    {
      cwd: appDir,
      env: { BROWSER: 'none', FORCE_COLOR: '0' },
      logFile: path.join(logDir, `${workspace}.log`),
    },
  );
  const ready = waitForHttp(
    readyUrl,
    timeoutMs,
    () => group.isAlive() && !brokenWhen.test(group.output),
  ).catch(async error => {
    await group.stop();
    throw new Error(
      `${workspace}: ${error.message}\n${group.output.slice(-4000)}`,
    );
  });
  // Awaited by the check that needs it, perhaps after another one failed.
  ready.catch(() => {});
  return { ...group, ready };
}

/** The app's backend; ready once every plugin started. */
export function startBackend({ appDir, backendPort, logDir }) {
  return startWorkspace({
    appDir,
    workspace: 'backend',
    readyUrl: `http://127.0.0.1:${backendPort}/.backstage/health/v1/readiness`,
    timeoutMs: 240_000,
    logDir,
    // A plugin that failed to start leaves the process up but never ready.
    brokenWhen: /threw an error during startup|Backend failed to start/,
  });
}

/** The app's frontend dev server. */
export function startFrontend({ appDir, appPort, logDir }) {
  return startWorkspace({
    appDir,
    workspace: 'app',
    readyUrl: `http://127.0.0.1:${appPort}`,
    timeoutMs: 300_000,
    logDir,
    brokenWhen: /Failed to compile|Module not found/,
  });
}
