/**
 * Our packages as an adopter gets them: which workspaces are published, how
 * a Backstage app takes each one in (from its `backstage.role`), and their
 * tarballs, built and packed as `npm publish` would ship them.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether a workspace under plugins/ is one we publish, and so one an
 * adopter installs: every one not marked private (the test utilities are).
 */
export function isPublishedPackage(manifest) {
  return !manifest.private;
}

/** Every workspace under plugins/ with its manifest, published or not. */
export function pluginWorkspaces(root) {
  const dir = path.join(root, 'plugins');
  return fs
    .readdirSync(dir)
    .map(name => path.join(dir, name))
    .filter(packageDir => fs.existsSync(path.join(packageDir, 'package.json')))
    .map(packageDir => ({
      dir: packageDir,
      manifest: JSON.parse(
        fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
      ),
    }))
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * How a pristine app takes in a package of the given role, as our READMEs
 * tell adopters to:
 * - `workspace`: the app package whose dependencies list it
 *   (`backend`, `app`, or `root` for tools);
 * - `backendFeature`: `backend.add(import(name))` in the backend's index.ts.
 * Frontend plugins need no code: the generated app discovers them from
 * packages/app/package.json (`app.packages: all`).
 */
export function wiringFor(manifest) {
  const role = manifest.backstage?.role;
  switch (role) {
    case 'backend-plugin':
    case 'backend-plugin-module':
      return { workspace: 'backend', backendFeature: true };
    case 'frontend-plugin':
    case 'frontend-plugin-module':
    case 'web-library':
      return { workspace: 'app', backendFeature: false };
    case 'common-library':
    case 'node-library':
      return { workspace: 'backend', backendFeature: false };
    case 'cli':
      return { workspace: 'root', backendFeature: false };
    default:
      throw new Error(
        `${manifest.name}: package.json backstage.role ${JSON.stringify(
          role,
        )} is not one the adoption test knows how to install`,
      );
  }
}

/**
 * Runtime dependencies of published packages on workspaces that are not
 * published: an adopter's install would look for them on npm and fail.
 */
export function unpublishedRuntimeDependencies(workspaces) {
  const unpublished = new Set(
    workspaces
      .filter(w => !isPublishedPackage(w.manifest))
      .map(w => w.manifest.name),
  );
  return workspaces
    .filter(w => isPublishedPackage(w.manifest))
    .flatMap(w =>
      Object.keys({
        ...w.manifest.dependencies,
        ...w.manifest.peerDependencies,
      })
        .filter(name => unpublished.has(name))
        .map(name => `${w.manifest.name} depends on ${name}`),
    );
}

/** Runs a command; rejects with its output's tail when it fails. */
export function runCommand(command, args, { cwd, env = {}, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', chunk => {
        output += chunk;
        log?.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(output);
      else {
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${output
              .trim()
              .split('\n')
              .slice(-30)
              .join('\n')}`,
          ),
        );
      }
    });
  });
}

const NOT_SOURCES = new Set(['node_modules', 'dist', 'dist-types']);

/**
 * A hash of everything a build of our packages reads: every file of every
 * workspace under plugins/ (built output aside), the lockfile, and the root
 * manifests and TypeScript config.
 */
export function sourcesHash(root) {
  const hash = crypto.createHash('sha256');
  const add = file => {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
  };
  const walk = dir => {
    const entries = fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (NOT_SOURCES.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  for (const file of ['package.json', 'yarn.lock', 'tsconfig.json']) {
    add(path.join(root, file));
  }
  walk(path.join(root, 'plugins'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The tarballs of `workspaces`, built and packed into
 * `<tarballsDir>/<sources hash>/` unless that directory already holds them
 * (a run with unchanged sources reuses them). `packed` says which happened.
 */
export async function packedTarballs(root, workspaces, tarballsDir, log) {
  const outDir = path.join(tarballsDir, sourcesHash(root));
  const index = path.join(outDir, 'tarballs.json');
  const wanted = workspaces.map(w => w.manifest.name);
  if (fs.existsSync(index)) {
    const known = JSON.parse(fs.readFileSync(index, 'utf8'));
    if (wanted.every(name => known[name] && fs.existsSync(known[name]))) {
      return {
        tarballs: new Map(wanted.map(name => [name, known[name]])),
        packed: false,
      };
    }
  }
  fs.rmSync(tarballsDir, { recursive: true, force: true });
  const tarballs = await buildAndPack(root, workspaces, outDir, log);
  fs.writeFileSync(index, JSON.stringify(Object.fromEntries(tarballs)));
  return { tarballs, packed: true };
}

/**
 * Builds and packs each package into `outDir`, named
 * `<name>-<version>-<content hash>.tgz` so that a changed package is a new
 * file to Yarn (the app's lockfile keeps the checksum of each tarball path).
 * `yarn pack` runs the package's prepack (backstage-cli swaps the
 * `publishConfig` entry points in) and postpack; package.json is restored
 * from a copy should postpack not run.
 */
export async function buildAndPack(root, workspaces, outDir, log) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // backstage-cli package build bundles the declarations `yarn tsc` emits
  // into dist-types/. Type errors are the tsc stage's to report: a package
  // whose declarations are missing fails its build below.
  await runCommand('yarn', ['tsc'], { cwd: root, log }).catch(error =>
    log.write(`yarn tsc failed, building anyway: ${error.message}\n`),
  );
  const tarballs = new Map();
  for (const { dir, manifest } of workspaces) {
    await runCommand('yarn', ['backstage-cli', 'package', 'build'], {
      cwd: dir,
      log,
    });
    const manifestFile = path.join(dir, 'package.json');
    const original = fs.readFileSync(manifestFile);
    const packed = path.join(outDir, 'packing.tgz');
    try {
      await runCommand('yarn', ['pack', '--out', packed], { cwd: dir, log });
    } finally {
      if (!fs.readFileSync(manifestFile).equals(original)) {
        fs.writeFileSync(manifestFile, original);
      }
    }
    const hash = crypto
      .createHash('sha256')
      .update(fs.readFileSync(packed))
      .digest('hex')
      .slice(0, 12);
    const file = path.join(
      outDir,
      `${manifest.name.replace('@', '').replace('/', '-')}-${
        manifest.version
      }-${hash}.tgz`,
    );
    fs.renameSync(packed, file);
    tarballs.set(manifest.name, file);
  }
  return tarballs;
}
