#!/usr/bin/env node
/**
 * `yarn test:adoption`: our packages as an adopter meets them. A pristine
 * app from `@backstage/create-app` at our Backstage release (pinned to the
 * `@backstage/*` versions of our lockfile) installs the tarballs `yarn pack`
 * makes of our published packages, wired the way our READMEs say; then its
 * own backend and frontend start against the fake cluster, and
 *
 * 1. published packages depend at runtime only on published packages;
 * 2. every published package builds and packs;
 * 3. the pristine app installs the tarballs;
 * 4. its backend starts with our backend plugins and modules;
 * 5. the status route answers the example service with the fake cluster's
 *    environments;
 * 6. its frontend compiles with our frontend plugin;
 * 7. the example service's Deployments tab shows those environments;
 * 8. the backend logged no error under our plugins' ids.
 *
 * The generated and installed app is cached (README "Adoption test"); a
 * cached run needs no network. Without the npm registry and no cache, or
 * without PostgreSQL or Chromium, it prints `SKIPPED: …` and counts the
 * checks skipped; with CI=true those are failures, as a CI machine of this
 * kind has all three and a fresh clone's cache is always empty. The last
 * line is `N passed, N failed, N skipped` (read by scripts/test-all.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as harness from '../replicas/harness.mjs';
import {
  addOurPackages,
  adoptionConfig,
  installApp,
  markInstalled,
  preparePristineApp,
  restorePristineFiles,
} from './app.mjs';
import { browserUnavailable, seeEnvironmentsOnTab } from './browser.mjs';
import {
  isPublishedPackage,
  packedTarballs,
  pluginWorkspaces,
  unpublishedRuntimeDependencies,
  wiringFor,
} from './packages.mjs';
import {
  FAKE_CLUSTER_TOKEN,
  startBackend,
  startFakeCluster,
  startFrontend,
} from './services.mjs';
import { NeedsRegistryError } from './versions.mjs';

const ROOT = harness.ROOT;
const ENTITY = { kind: 'component', namespace: 'default', name: 'pingvasai' };
const ENVIRONMENTS = ['development', 'staging', 'production'];
/**
 * The entity content our frontend plugin adds (src/alpha.tsx), in the
 * catalog's `deployment` group.
 */
const TAB = { title: 'Deployments', group: 'Deployment', path: 'deployments' };
const CHECKS = [
  'published packages depend at runtime only on published packages',
  'every published package builds and packs',
  'the pristine app installs our tarballs',
  'the backend starts with our backend plugins and modules',
  'the status route answers with the fake cluster environments',
  'the frontend compiles with our frontend plugin',
  'the Deployments tab shows every environment',
  'the backend logged no error from our plugins',
];

const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const started = Date.now();
const seconds = since => `${((Date.now() - since) / 1000).toFixed(0)} s`;

const results = [];
async function check(name, body) {
  if (!CHECKS.includes(name)) throw new Error(`unknown check ${name}`);
  const at = Date.now();
  try {
    const detail = await body();
    results.push({ name, outcome: 'passed' });
    console.log(`✓ ${name} (${seconds(at)})${detail ? `: ${detail}` : ''}`);
    return true;
  } catch (error) {
    results.push({ name, outcome: 'failed' });
    console.log(
      `✗ ${name} (${seconds(at)})\n    ${String(error.stack ?? error)}`,
    );
    return false;
  }
}

/**
 * A check that cannot run here: skipped locally, a failure in CI (see the
 * header). Returns false so the caller stops.
 */
function unavailable(names, reason) {
  for (const name of names) {
    if (inCi) {
      results.push({ name, outcome: 'failed' });
      console.log(`✗ ${name}: cannot run in CI: ${reason}`);
    } else {
      results.push({ name, outcome: 'skipped' });
    }
  }
  if (!inCi) console.log(`SKIPPED: adoption: ${reason}`);
  return false;
}

/** The checks after a failed one cannot run: each counts as failed. */
function notRun(after) {
  for (const name of CHECKS.slice(CHECKS.indexOf(after) + 1)) {
    if (results.some(r => r.name === name)) continue;
    results.push({ name, outcome: 'failed' });
    console.log(`✗ ${name}: not run (${after} failed)`);
  }
}

async function registryUnreachable() {
  const registry = (
    process.env.npm_config_registry ?? 'https://registry.npmjs.org/'
  ).replace(/\/?$/, '/');
  try {
    const res = await fetch(`${registry}@backstage%2fcreate-app`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(10_000),
    });
    return res.ok ? undefined : `${registry} answered ${res.status}`;
  } catch (error) {
    return `${registry} unreachable (${error.cause?.code ?? error.message})`;
  }
}

/** One run at a time per cached app: a second one waits for nothing and fails. */
function lockApp(home) {
  const lockFile = path.join(home, 'lock');
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    process.kill(holder, 0);
    throw new Error(`another adoption run (pid ${holder}) is using ${home}`);
  } catch (error) {
    if (error.code !== 'ENOENT' && error.code !== 'ESRCH') throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

async function run(cleanup, logDir) {
  const log = fs.createWriteStream(path.join(logDir, 'steps.log'));
  cleanup.unshift(() => new Promise(resolve => log.end(resolve)));
  const workspaces = pluginWorkspaces(ROOT);
  const published = workspaces.filter(w => isPublishedPackage(w.manifest));
  console.log(
    `Published packages: ${published
      .map(w => `${w.manifest.name} (${w.manifest.backstage?.role})`)
      .join(', ')}`,
  );

  const offlineReason = await registryUnreachable();
  let prepared;
  try {
    prepared = await preparePristineApp(ROOT, {
      log,
      offline: Boolean(offlineReason),
    });
  } catch (error) {
    if (error instanceof NeedsRegistryError) {
      return unavailable(CHECKS, `${offlineReason}, and ${error.message}`);
    }
    throw error;
  }
  const postgresReason = await harness.postgresUnavailable();
  if (postgresReason) {
    return unavailable(CHECKS, `the app's backend needs ${postgresReason}`);
  }
  console.log(
    `App: @backstage/create-app@${prepared.createApp} (Backstage ${
      prepared.release
    }) in ${prepared.appDir}, ${
      prepared.installed ? 'installed before' : 'first install'
    }${offlineReason ? `, offline: ${offlineReason}` : ''}`,
  );
  if (prepared.unpinned.length > 0) {
    console.log(
      `Not in our yarn.lock, left at the generated range: ${prepared.unpinned.join(
        ', ',
      )}`,
    );
  }
  cleanup.unshift(lockApp(prepared.home));

  if (
    !(await check(CHECKS[0], async () => {
      const problems = unpublishedRuntimeDependencies(workspaces);
      if (problems.length > 0) throw new Error(problems.join('; '));
      for (const w of published) wiringFor(w.manifest);
    }))
  ) {
    return notRun(CHECKS[0]);
  }

  // A first run installs the generated app while our packages build: the
  // install mostly waits on the registry and the disk.
  const pristineInstall = prepared.installed
    ? Promise.resolve()
    : installApp(
        prepared.appDir,
        fs.createWriteStream(path.join(logDir, 'install-pristine.log')),
      ).then(() => markInstalled(prepared));
  // Left to finish on any way out: its result is cached for the next run.
  cleanup.unshift(() => pristineInstall.catch(() => {}));

  let tarballs;
  if (
    !(await check(CHECKS[1], async () => {
      const result = await packedTarballs(
        ROOT,
        published,
        path.join(prepared.home, 'tarballs'),
        log,
      );
      tarballs = result.tarballs;
      return `${
        result.packed ? 'packed' : 'sources unchanged since packing'
      } ${[...tarballs.values()].map(f => path.basename(f)).join(', ')}`;
    }))
  ) {
    return notRun(CHECKS[1]);
  }

  if (
    !(await check(CHECKS[2], async () => {
      await pristineInstall.catch(error => {
        throw new Error(`the generated app alone: ${error.message}`);
      });
      restorePristineFiles(prepared);
      addOurPackages(
        prepared.appDir,
        published.map(w => ({
          name: w.manifest.name,
          version: w.manifest.version,
          tarball: tarballs.get(w.manifest.name),
          wiring: wiringFor(w.manifest),
        })),
      );
      await installApp(prepared.appDir, log);
      markInstalled(prepared);
    }))
  ) {
    return notRun(CHECKS[2]);
  }

  const database = await harness.createDatabase('wp_adoption');
  cleanup.unshift(() => database.drop());
  const cluster = await startFakeCluster(ROOT, logDir);
  cleanup.unshift(() => cluster.stop());
  const [appPort, backendPort] = [
    await harness.freePort(),
    await harness.freePort(),
  ];
  const reposDir = path.join(logDir, 'repos');
  fs.mkdirSync(reposDir);
  fs.writeFileSync(
    path.join(prepared.appDir, 'app-config.adoption.yaml'),
    `# Written by scripts/adoption/test.mjs for one run.\n${JSON.stringify(
      adoptionConfig({
        appDir: prepared.appDir,
        appPort,
        backendPort,
        clusterUrl: cluster.url,
        clusterToken: FAKE_CLUSTER_TOKEN,
        entitiesFile: path.join(ROOT, 'examples/entities.yaml'),
        reposDir,
        postgres: { ...harness.POSTGRES, database: database.name },
      }),
      null,
      2,
    )}\n`,
  );

  // Both at once: the frontend compiles while the backend starts.
  const backend = startBackend({
    appDir: prepared.appDir,
    backendPort,
    logDir,
  });
  cleanup.unshift(() => backend.stop());
  const frontend = startFrontend({ appDir: prepared.appDir, appPort, logDir });
  cleanup.unshift(() => frontend.stop());
  if (!(await check(CHECKS[3], () => backend.ready))) {
    return notRun(CHECKS[3]);
  }

  const backendUrl = `http://127.0.0.1:${backendPort}`;
  await check(CHECKS[4], async () => {
    const token = await harness.signInAsGuest(backendUrl);
    const route = `/api/worker-platform/status/${ENTITY.kind}/${ENTITY.namespace}/${ENTITY.name}`;
    const deadline = Date.now() + 120_000;
    let last;
    // The catalog reads the example entity and the watch syncs shortly
    // after the backend is ready.
    while (Date.now() < deadline) {
      const res = await fetch(`${backendUrl}${route}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.json().catch(() => undefined);
      const names = (body?.environments ?? []).map(e => e.name);
      last = `${res.status} ${JSON.stringify(body)?.slice(0, 300)}`;
      const withApplications = (body?.environments ?? []).filter(
        e => (e.applications ?? []).length > 0,
      );
      if (
        res.status === 200 &&
        ENVIRONMENTS.every(name => names.includes(name)) &&
        withApplications.length === ENVIRONMENTS.length
      ) {
        return `GET ${route} → 200, environments ${names.join(', ')}`;
      }
      await new Promise(resolve => setTimeout(resolve, 1_000));
    }
    throw new Error(`GET ${route}: last answer ${last}`);
  });

  if (!(await check(CHECKS[5], () => frontend.ready))) {
    return notRun(CHECKS[5]);
  }

  const noBrowser = browserUnavailable();
  if (noBrowser) unavailable([CHECKS[6]], noBrowser);
  else
    await check(CHECKS[6], async () => {
      const entityUrl = `http://localhost:${appPort}/catalog/${ENTITY.namespace}/${ENTITY.kind}/${ENTITY.name}`;
      const { url } = await seeEnvironmentsOnTab({
        entityUrl,
        tabTitle: TAB.title,
        groupTitle: TAB.group,
        tabPath: TAB.path,
        environments: ENVIRONMENTS,
        timeoutMs: 90_000,
        screenshotFile: path.join(logDir, 'deployments-tab.png'),
      });
      return `${url} shows ${ENVIRONMENTS.join(', ')}`;
    });

  await check(CHECKS[7], async () => {
    const pluginIds = [
      ...new Set(
        published
          .filter(w => wiringFor(w.manifest).backendFeature)
          .map(w => w.manifest.backstage.pluginId),
      ),
    ];
    const errors = errorLines(backend.output, pluginIds);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return `plugin ids ${pluginIds.join(', ')}`;
  });
  return true;
}

/**
 * The backend's log lines at level error from the given plugins (its
 * development format: `<time> <plugin> <level> <message>`).
 */
function errorLines(output, pluginIds) {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').filter(line => {
    const [, plugin, level] = line.split(' ');
    return level === 'error' && pluginIds.includes(plugin);
  });
}

async function main() {
  const logDir = harness.logDirectory('worker-platform-adoption');
  console.log(`Logs: ${logDir}`);
  const cleanup = [];
  const runCleanup = async () => {
    while (cleanup.length > 0) {
      const step = cleanup.shift();
      await Promise.resolve()
        .then(step)
        .catch(error => console.log(`cleanup: ${error.message}`));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      console.log(`${signal}: stopping what this run started`);
      await runCleanup();
      process.exit(130);
    });
  }
  try {
    await run(cleanup, logDir);
  } catch (error) {
    console.log(`✗ set-up: ${error.stack ?? error}`);
    for (const name of CHECKS.filter(c => !results.some(r => r.name === c))) {
      results.push({ name, outcome: 'failed' });
      console.log(`✗ ${name}: not run (set-up failed)`);
    }
  } finally {
    await runCleanup();
  }
  const count = outcome => results.filter(r => r.outcome === outcome).length;
  console.log(`Adoption test took ${seconds(started)}`);
  console.log(
    `${count('passed')} passed, ${count('failed')} failed, ${count(
      'skipped',
    )} skipped`,
  );
  return count('failed') > 0 ? 1 : 0;
}

process.exitCode = await main();
