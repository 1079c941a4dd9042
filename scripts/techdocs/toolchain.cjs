/**
 * The mkdocs the app's TechDocs runs (`techdocs.generator.runIn: local`
 * spawns `mkdocs` from the backend's PATH and adds the `techdocs-core`
 * plugin to every mkdocs.yml it builds). `yarn start`, the Playwright run and
 * `yarn test:all` put the bin folder this returns first on PATH.
 *
 * In order of preference:
 * 1. the machine's `mkdocs`, when its Python has techdocs-core — nothing to do;
 * 2. a virtualenv under `.cache/techdocs/` with `mkdocs-techdocs-core` from
 *    the package index pip is configured with;
 * 3. where that index lacks it (this project's offline index does; so does
 *    it mkdocs itself), the same virtualenv with what the index has, mkdocs,
 *    Material and pymdownx from Debian's packages (`apt-get download`, no
 *    root needed), and the stand-in plugin next to this file under the name
 *    `techdocs-core`.
 *
 * The virtualenv is cached by a hash of everything that goes into it; a
 * second start takes no time. When none of this works the result says why,
 * and callers print it as a `SKIPPED:` line.
 */
// CommonJS: playwright.config.ts loads it as well as the .mjs scripts.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const repoRoot = path.resolve(here, '../..');

/** What the index may provide for mkdocs 1.4, Material 8 and pymdownx 9. */
const INDEX_REQUIREMENTS = [
  'click',
  'jinja2',
  'markdown',
  'markupsafe',
  'mergedeep',
  'packaging',
  'pygments',
  'python-dateutil',
  'pyyaml',
  'watchdog',
];

/**
 * Debian packages (bookworm) for what the offline index lacks, and where
 * each keeps its Python modules.
 */
const DEBIAN_PACKAGES = [
  { deb: 'mkdocs', dirs: ['usr/lib/python3/dist-packages'] },
  { deb: 'ghp-import', dirs: ['usr/lib/python3/dist-packages'] },
  { deb: 'python3-pyyaml-env-tag', dirs: ['usr/lib/python3/dist-packages'] },
  { deb: 'python3-pymdownx', dirs: ['usr/lib/python3/dist-packages'] },
  {
    deb: 'mkdocs-material-extensions',
    dirs: ['usr/lib/python3/dist-packages'],
  },
  // Debian adds this folder to mkdocs' path; copied, it is a plain package.
  { deb: 'mkdocs-material', dirs: ['usr/share/mkdocs/themes'] },
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return {
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? String(result.error ?? ''),
  };
}

/** The interpreter of the machine's mkdocs, from its script's first line. */
function machineMkdocsPython(env) {
  const which = run('sh', ['-c', 'command -v mkdocs'], { env });
  if (!which.ok) return undefined;
  const script = which.stdout.trim();
  const shebang = fs.readFileSync(script, 'utf8').split('\n')[0];
  return /^#!\s*(\S+)/.exec(shebang)?.[1];
}

/** pip's environment: every `file://` index pip is configured with, as the runtime contract does. */
function pipEnvironment(python) {
  if (process.env.PIP_INDEX_URL) return process.env;
  const urls = [
    ...run(python, ['-m', 'pip', 'config', 'list']).stdout.matchAll(
      /file:\/\/[^\s'"]+/g,
    ),
  ].map(m => m[0]);
  if (urls.length === 0) return process.env;
  return {
    ...process.env,
    PIP_INDEX_URL: urls[0],
    PIP_EXTRA_INDEX_URL: urls.slice(1).join(' '),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
  };
}

function firstError(output) {
  const errors = output.split('\n').filter(line => line.startsWith('ERROR'));
  return (errors.join(' ') || output.trim().split('\n').slice(-2).join(' '))
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/** The stand-in's files, so an edit to it makes a new virtualenv. */
function standInFiles() {
  const files = [];
  const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '__pycache__') walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  files.push(path.join(here, 'pyproject.toml'));
  walk(path.join(here, 'techdocs_core_standin'));
  return files.sort();
}

function cacheKey(python) {
  const hash = createHash('sha256');
  hash.update(run(python, ['--version']).stdout);
  hash.update(INDEX_REQUIREMENTS.join(','));
  hash.update(DEBIAN_PACKAGES.map(p => p.deb).join(','));
  for (const file of standInFiles()) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Copies a Debian package's Python folders into site-packages, downloading the .deb once. */
function installFromDebian({ deb, dirs }, site, debianCache) {
  const root = path.join(debianCache, deb);
  if (!fs.existsSync(path.join(root, 'usr'))) {
    fs.mkdirSync(root, { recursive: true });
    const download = run('apt-get', ['download', deb], { cwd: root });
    const archive = fs.readdirSync(root).find(f => f.endsWith('.deb'));
    if (!archive) {
      throw new Error(
        `apt-get download ${deb} failed: ${firstError(download.stderr)}`,
      );
    }
    const extract = run('dpkg-deb', ['-x', archive, '.'], { cwd: root });
    if (!extract.ok)
      throw new Error(`dpkg-deb -x ${archive}: ${extract.stderr}`);
  }
  for (const dir of dirs) {
    for (const entry of fs.readdirSync(path.join(root, dir))) {
      fs.cpSync(path.join(root, dir, entry), path.join(site, entry), {
        recursive: true,
      });
    }
  }
}

function buildVirtualenv(basePython, dir, log) {
  const debianCache = path.join(path.dirname(dir), 'debian');
  // Earlier versions of this toolchain are of no more use.
  for (const entry of fs.readdirSync(path.dirname(dir), {
    withFileTypes: true,
  })) {
    if (entry.isDirectory() && entry.name.startsWith('venv-')) {
      fs.rmSync(path.join(path.dirname(dir), entry.name), {
        recursive: true,
        force: true,
      });
    }
  }
  const venv = run(basePython, ['-m', 'venv', dir]);
  if (!venv.ok) throw new Error(`${basePython} -m venv: ${venv.stderr}`);
  const python = path.join(dir, 'bin', 'python');
  const env = pipEnvironment(python);
  const pip = args =>
    run(python, ['-m', 'pip', 'install', '--quiet', ...args], { env });

  const real = pip(['mkdocs-techdocs-core']);
  if (real.ok) return 'mkdocs-techdocs-core from the package index';

  log(
    'mkdocs-techdocs-core is not in the package index; building mkdocs from the index and Debian, with the techdocs-core stand-in',
  );
  const fromIndex = pip(INDEX_REQUIREMENTS);
  if (!fromIndex.ok) {
    throw new Error(`pip install: ${firstError(fromIndex.stderr)}`);
  }
  const site = run(python, [
    '-c',
    'import sysconfig; print(sysconfig.get_paths()["purelib"])',
  ]).stdout.trim();
  for (const pkg of DEBIAN_PACKAGES) installFromDebian(pkg, site, debianCache);
  // Built from a copy: pip writes build/ and egg-info/ next to the sources.
  const source = path.join(dir, 'techdocs-core-standin');
  for (const entry of ['pyproject.toml', 'techdocs_core_standin']) {
    fs.cpSync(path.join(here, entry), path.join(source, entry), {
      recursive: true,
      filter: from => !from.includes('__pycache__'),
    });
  }
  const backend = pip(['setuptools>=61', 'wheel']);
  const standIn = backend.ok
    ? pip(['--no-deps', '--no-build-isolation', source])
    : backend;
  if (!standIn.ok) {
    throw new Error(
      `the techdocs-core stand-in: ${firstError(standIn.stderr)}`,
    );
  }
  // Debian's /usr/bin/mkdocs names Debian's Python; this one, written as
  // pip writes console scripts, the virtualenv's.
  const script = path.join(dir, 'bin', 'mkdocs');
  fs.writeFileSync(
    script,
    `#!${python}\nimport sys\nfrom mkdocs.__main__ import cli\nsys.exit(cli())\n`,
  );
  fs.chmodSync(script, 0o755);
  return 'mkdocs and Material from Debian, the techdocs-core stand-in';
}

/**
 * Makes sure an mkdocs with a `techdocs-core` plugin exists and returns the
 * folder to put first on PATH (undefined when the machine's own will do),
 * what was used, and a reason when nothing could be prepared.
 *
 * @param {{ log?: (line: string) => void, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ binDir?: string, note: string, skipped?: string }}
 */
function prepareTechdocsToolchain(options = {}) {
  const log = options.log ?? (() => {});
  const env = options.env ?? process.env;
  const machinePython = machineMkdocsPython(env);
  if (machinePython && run(machinePython, ['-c', 'import techdocs_core']).ok) {
    return {
      note: `the machine's mkdocs (${machinePython}) with techdocs-core`,
    };
  }

  const basePython = env.TECHDOCS_PYTHON ?? 'python3';
  if (!run(basePython, ['--version']).ok) {
    return {
      note: 'none',
      skipped: `TechDocs toolchain: no ${basePython} on this machine, so generated services' Docs cannot be built`,
    };
  }
  const dir = path.join(
    repoRoot,
    '.cache',
    'techdocs',
    `venv-${cacheKey(basePython)}`,
  );
  const complete = path.join(dir, '.complete');
  const binDir = path.join(dir, 'bin');
  if (fs.existsSync(complete)) {
    return { binDir, note: fs.readFileSync(complete, 'utf8').trim() };
  }
  try {
    log(`preparing TechDocs' mkdocs in ${path.relative(repoRoot, dir)}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const note = buildVirtualenv(basePython, dir, log);
    fs.writeFileSync(complete, `${note}\n`);
    return { binDir, note };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return {
      note: 'none',
      skipped: `TechDocs toolchain: ${error.message}; generated services' Docs cannot be built (pip install mkdocs-techdocs-core, or apt-get install mkdocs)`,
    };
  }
}

/** PATH with the toolchain first, for the processes that run TechDocs. */
function withTechdocsToolchain(env = process.env, log = () => {}) {
  const result = prepareTechdocsToolchain({ env, log });
  if (result.skipped) log(`SKIPPED: ${result.skipped}`);
  else log(`TechDocs builds with ${result.note}`);
  if (!result.binDir) return env;
  return { ...env, PATH: `${result.binDir}${path.delimiter}${env.PATH}` };
}

module.exports = { prepareTechdocsToolchain, withTechdocsToolchain };

if (require.main === module) {
  // `node scripts/techdocs/toolchain.cjs` prepares it and says what it used.
  withTechdocsToolchain(process.env, line => console.log(`[techdocs] ${line}`));
}
