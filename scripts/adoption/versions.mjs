/**
 * Which Backstage the pristine app is: the `@backstage/create-app` release
 * that generates this repository's `backstage.json` version, and the
 * `@backstage/*` versions this repository's yarn.lock resolves, which the
 * generated app is pinned to.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

/**
 * `name` → every `{ range, version }` a Yarn (berry) lockfile resolves for
 * it from the npm registry.
 */
export function lockedNpmVersions(lockText) {
  const lock = YAML.parse(lockText);
  const byName = new Map();
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '__metadata') continue;
    for (const descriptor of key.split(', ')) {
      const at = descriptor.indexOf('@', 1);
      const name = descriptor.slice(0, at);
      const reference = descriptor.slice(at + 1);
      if (!reference.startsWith('npm:')) continue;
      const entries = byName.get(name) ?? [];
      entries.push({
        range: reference.slice('npm:'.length),
        version: entry.version,
      });
      byName.set(name, entries);
    }
  }
  return byName;
}

function compareVersions(a, b) {
  const parts = v =>
    v.split(/[.-]/).map(p => (/^\d+$/.test(p) ? Number(p) : p));
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    if (pa[i] === pb[i]) continue;
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    if (typeof pa[i] === typeof pb[i]) return pa[i] < pb[i] ? -1 : 1;
    return typeof pa[i] === 'number' ? 1 : -1;
  }
  return 0;
}

/** Newest first. */
export function sortVersionsDescending(versions) {
  return [...versions].sort((a, b) => compareVersions(b, a));
}

/**
 * The version of each `@backstage/*` package the app depends on, as this
 * repository resolves it: the version our own workspaces' range for it
 * resolves to, else the newest our lockfile holds. Packages our lockfile
 * does not know keep the generated range and are listed in `unpinned`.
 *
 * @param appDependencies `name` → range, from the generated app's package.json files
 * @param ourRanges `name` → the ranges our workspaces declare
 * @param locked from `lockedNpmVersions` of our yarn.lock
 */
export function pinBackstageVersions(appDependencies, ourRanges, locked) {
  const pinned = {};
  const unpinned = [];
  for (const name of Object.keys(appDependencies).sort()) {
    if (!name.startsWith('@backstage/')) continue;
    const entries = locked.get(name);
    if (!entries) {
      unpinned.push(name);
      continue;
    }
    const ours = entries.filter(e =>
      (ourRanges.get(name) ?? []).includes(e.range),
    );
    const candidates = (ours.length > 0 ? ours : entries).map(e => e.version);
    pinned[name] = sortVersionsDescending(candidates)[0];
  }
  return { pinned, unpinned };
}

/** `name` → ranges, over every dependency field of the given package.json objects. */
export function declaredRanges(manifests) {
  const ranges = new Map();
  for (const manifest of manifests) {
    for (const field of [
      'dependencies',
      'devDependencies',
      'peerDependencies',
    ]) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        ranges.set(name, [...(ranges.get(name) ?? []), range]);
      }
    }
  }
  return ranges;
}

function npm(args, options = {}) {
  const result = spawnSync('npm', args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(
      `npm ${args.join(' ')}: ${result.stderr.trim() || result.error}`,
    );
  }
  return result.stdout;
}

/**
 * The Backstage release a `@backstage/create-app` tarball generates: its
 * `backstage.json` is a template filled from the `root` version the package
 * bundles (`dist/package.json.cjs.js` of the release's create-app).
 */
function releaseOfCreateApp(version, workDir) {
  const out = npm([
    'pack',
    `@backstage/create-app@${version}`,
    '--json',
    '--pack-destination',
    workDir,
  ]);
  const [{ filename }] = JSON.parse(out);
  const tarball = path.join(workDir, filename);
  const extracted = spawnSync(
    'tar',
    ['-xzOf', tarball, 'package/dist/package.json.cjs.js'],
    { encoding: 'utf8' },
  );
  fs.rmSync(tarball, { force: true });
  const match = extracted.stdout.match(/var version = "([^"]+)"/);
  if (!match) {
    throw new Error(
      `@backstage/create-app@${version}: no release version in dist/package.json.cjs.js`,
    );
  }
  return match[1];
}

/** Thrown when an answer needs the npm registry and the run is offline. */
export class NeedsRegistryError extends Error {}

/**
 * The newest stable `@backstage/create-app` that generates Backstage
 * `release`, remembered in `cacheFile` (so a second run asks nothing of the
 * registry). Looks at stable versions newest first and stops once they
 * generate an older release.
 */
export function createAppVersionFor(
  release,
  cacheFile,
  { offline = false } = {},
) {
  if (fs.existsSync(cacheFile)) {
    const remembered = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    if (remembered.release === release) return remembered.createApp;
  }
  if (offline) {
    throw new NeedsRegistryError(
      `which @backstage/create-app generates Backstage ${release} is not cached`,
    );
  }
  const versions = JSON.parse(
    npm(['view', '@backstage/create-app', 'versions', '--json']),
  );
  const stable = sortVersionsDescending(
    versions.filter(v => /^\d+\.\d+\.\d+$/.test(v)),
  );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'create-app-'));
  try {
    const seen = [];
    for (const version of stable) {
      const generates = releaseOfCreateApp(version, workDir);
      seen.push(`${version} → ${generates}`);
      if (generates === release) {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(
          cacheFile,
          JSON.stringify({ release, createApp: version }),
        );
        return version;
      }
      if (compareVersions(generates, release) < 0) break;
    }
    throw new Error(
      `no @backstage/create-app generates Backstage ${release} (checked ${seen.join(
        ', ',
      )})`,
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
