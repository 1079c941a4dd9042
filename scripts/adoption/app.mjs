/**
 * The adopter's app: generated once by `@backstage/create-app` at our
 * Backstage release, pinned to the `@backstage/*` versions of our lockfile,
 * installed, and kept in a cache. Each run puts back the generated files it
 * edits, then adds our tarballs the way our READMEs say, and installs again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { runCommand } from './packages.mjs';
import {
  createAppVersionFor,
  declaredRanges,
  lockedNpmVersions,
  NeedsRegistryError,
  pinBackstageVersions,
} from './versions.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

/** Bump when the cached app's layout or preparation changes. */
const CACHE_FORMAT = 1;

/** The generated files a run edits, restored from `pristine/` before each run. */
export const EDITED_FILES = [
  'package.json',
  'packages/app/package.json',
  'packages/backend/package.json',
  'packages/backend/src/index.ts',
];

const MANIFESTS = {
  root: 'package.json',
  app: 'packages/app/package.json',
  backend: 'packages/backend/package.json',
};

/** `$WORKER_PLATFORM_CACHE`, else the XDG cache directory, then `worker-platform/adoption`. */
export function cacheRoot(env = process.env) {
  if (env.WORKER_PLATFORM_CACHE) {
    return path.join(env.WORKER_PLATFORM_CACHE, 'adoption');
  }
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'worker-platform', 'adoption');
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Our workspaces' manifests, for the ranges they declare. */
function ourManifests(root) {
  const workspaces = ['packages', 'plugins'].flatMap(dir =>
    fs
      .readdirSync(path.join(root, dir))
      .map(name => path.join(root, dir, name, 'package.json'))
      .filter(file => fs.existsSync(file)),
  );
  return [path.join(root, 'package.json'), ...workspaces].map(readJson);
}

/** Every dependency of the generated app's three manifests, `name` → range. */
function appDependencies(appDir) {
  const all = {};
  for (const file of Object.values(MANIFESTS)) {
    const manifest = readJson(path.join(appDir, file));
    Object.assign(all, manifest.dependencies, manifest.devDependencies);
  }
  return all;
}

/** Sets each pinned package's version wherever the app's manifests list it. */
function applyPins(appDir, pinned) {
  for (const file of Object.values(MANIFESTS)) {
    const manifestFile = path.join(appDir, file);
    const manifest = readJson(manifestFile);
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (pinned[name]) manifest[field][name] = pinned[name];
      }
    }
    writeJson(manifestFile, manifest);
  }
}

/**
 * Where the generated app for this repository's Backstage lives, and what
 * it is pinned to. The directory name hashes the create-app version and the
 * pins, so a Backstage upgrade here gets a new app.
 */
function describePristineApp(root, { env, offline }) {
  const release = readJson(path.join(root, 'backstage.json')).version;
  const cache = cacheRoot(env);
  const createApp = createAppVersionFor(
    release,
    path.join(cache, `create-app-for-${release}.json`),
    { offline },
  );
  const locked = lockedNpmVersions(
    fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8'),
  );
  const ours = declaredRanges(ourManifests(root));
  const hashOf = pinned =>
    crypto
      .createHash('sha256')
      .update(JSON.stringify({ CACHE_FORMAT, createApp, pinned }))
      .digest('hex')
      .slice(0, 12);
  return { release, createApp, locked, ours, cache, hashOf };
}

/**
 * The cached app, generated when missing. Generating needs the npm
 * registry: `offline` runs throw `NeedsRegistryError` instead.
 */
export async function preparePristineApp(
  root,
  { log, env = process.env, offline = false },
) {
  const { release, createApp, locked, ours, cache, hashOf } =
    describePristineApp(root, { env, offline });
  // Which packages the app uses is known only once it is generated: the
  // generated manifests are cached per create-app version.
  const templateDir = path.join(cache, `create-app-${createApp}`);
  if (!fs.existsSync(path.join(templateDir, 'package.json'))) {
    if (offline) {
      throw new NeedsRegistryError(`${templateDir} is not generated yet`);
    }
    fs.rmSync(templateDir, { recursive: true, force: true });
    fs.mkdirSync(cache, { recursive: true });
    await runCommand(
      'npx',
      [
        '--yes',
        `@backstage/create-app@${createApp}`,
        '--path',
        templateDir,
        '--skip-install',
      ],
      { cwd: cache, env: { BACKSTAGE_APP_NAME: 'adopter' }, log },
    );
  }
  const { pinned, unpinned } = pinBackstageVersions(
    appDependencies(templateDir),
    ours,
    locked,
  );
  const home = path.join(cache, `${release}-${hashOf(pinned)}`);
  const appDir = path.join(home, 'app');
  const pristineDir = path.join(home, 'pristine');
  const generated = path.join(home, 'generated.json');
  const installed = fs.existsSync(path.join(home, INSTALLED_MARKER));
  if (!installed && offline) {
    throw new NeedsRegistryError(`no installed app under ${home}`);
  }
  if (!fs.existsSync(generated)) {
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    fs.cpSync(templateDir, appDir, { recursive: true });
    applyPins(appDir, pinned);
    for (const file of EDITED_FILES) {
      fs.mkdirSync(path.dirname(path.join(pristineDir, file)), {
        recursive: true,
      });
      fs.copyFileSync(path.join(appDir, file), path.join(pristineDir, file));
    }
    fs.writeFileSync(
      generated,
      JSON.stringify({ createApp, pinned, unpinned }, null, 2),
    );
  }
  // Other Backstage releases' apps are a gigabyte each and of no more use.
  for (const entry of fs.readdirSync(cache)) {
    const other = path.join(cache, entry);
    if (
      /^\d+\.\d+\.\d+-[0-9a-f]{12}$/.test(entry) &&
      other !== home &&
      fs.statSync(other).isDirectory()
    ) {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }
  return {
    release,
    createApp,
    pinned,
    unpinned,
    home,
    appDir,
    pristineDir,
    installed,
  };
}

const INSTALLED_MARKER = 'installed';

/** Records that the app's install succeeded, so offline runs may reuse it. */
export function markInstalled({ home }) {
  fs.writeFileSync(path.join(home, INSTALLED_MARKER), new Date().toISOString());
}

/** Puts back the generated files a previous run edited. */
export function restorePristineFiles({ appDir, pristineDir }) {
  for (const file of EDITED_FILES) {
    fs.copyFileSync(path.join(pristineDir, file), path.join(appDir, file));
  }
}

/**
 * Adds our packages as an adopter does: each as a dependency of the app
 * package its role belongs to, backend plugins and modules with
 * `backend.add(import(...))`. Every package of ours resolves to its tarball
 * (`resolutions`), as our packages name each other by a version npm does
 * not have yet.
 */
export function addOurPackages(appDir, packages) {
  const manifests = Object.fromEntries(
    Object.entries(MANIFESTS).map(([key, file]) => [
      key,
      readJson(path.join(appDir, file)),
    ]),
  );
  manifests.root.resolutions = { ...manifests.root.resolutions };
  const backendFeatures = [];
  for (const { name, version, tarball, wiring } of packages) {
    manifests.root.resolutions[name] = `file:${tarball}`;
    const manifest = manifests[wiring.workspace];
    const field =
      wiring.workspace === 'root' ? 'devDependencies' : 'dependencies';
    manifest[field] = { ...manifest[field], [name]: `^${version}` };
    if (wiring.backendFeature) backendFeatures.push(name);
  }
  for (const [key, file] of Object.entries(MANIFESTS)) {
    writeJson(path.join(appDir, file), manifests[key]);
  }
  const indexFile = path.join(appDir, 'packages/backend/src/index.ts');
  const index = fs.readFileSync(indexFile, 'utf8');
  const start = 'backend.start();';
  if (!index.includes(start)) {
    throw new Error(`${indexFile}: no "${start}" to add our plugins before`);
  }
  const additions = backendFeatures
    .map(name => `backend.add(import('${name}'));\n`)
    .join('');
  fs.writeFileSync(indexFile, index.replace(start, `${additions}\n${start}`));
}

/**
 * The config this test adds to the generated app-config.yaml: its own
 * ports, the fake cluster, and our example service in the catalog (with the
 * app's own locations, as a later config's array replaces an earlier one's).
 */
export function adoptionConfig({
  appDir,
  appPort,
  backendPort,
  clusterUrl,
  clusterToken,
  entitiesFile,
  reposDir,
  postgres,
}) {
  const generated = YAML.parse(
    fs.readFileSync(path.join(appDir, 'app-config.yaml'), 'utf8'),
  );
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  return {
    app: { baseUrl: appUrl },
    backend: {
      baseUrl: backendUrl,
      listen: { port: backendPort },
      cors: { ...generated.backend?.cors, origin: appUrl },
      // PostgreSQL, as the generated app-config.production.yaml has it: the
      // generated SQLite would need better-sqlite3 compiled from source
      // (3 minutes here), which the install skips.
      database: {
        client: 'pg',
        connection: {
          host: postgres.host,
          port: postgres.port,
          user: postgres.user,
          password: postgres.password,
          database: postgres.database,
        },
        pluginDivisionMode: 'schema',
      },
    },
    catalog: {
      locations: [
        ...(generated.catalog?.locations ?? []),
        {
          type: 'file',
          target: entitiesFile,
          rules: [{ allow: ['Component', 'System'] }],
        },
      ],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'adoption-fake-cluster',
              url: clusterUrl,
              authProvider: 'serviceAccount',
              serviceAccountToken: clusterToken,
              skipTLSVerify: true,
            },
          ],
        },
      ],
    },
    workerPlatform: { localPublisher: { directory: reposDir } },
  };
}

/**
 * Installs the app's dependencies (offline once Yarn's cache holds them),
 * running no install scripts: the only native module the app would use is
 * SQLite's, and it runs on PostgreSQL instead (see `adoptionConfig`).
 */
export async function installApp(appDir, log) {
  await runCommand('yarn', ['install', '--mode=skip-build'], {
    cwd: appDir,
    // The app's own Yarn (its yarnPath), not the one our PATH shims to ours.
    env: {
      YARN_ENABLE_TELEMETRY: '0',
      YARN_ENABLE_GLOBAL_CACHE: 'true',
      // Yarn makes installs immutable when CI is set; this app's lockfile is
      // ours to update (a new package of ours, a cached app from an earlier run).
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    },
    log,
  });
}
