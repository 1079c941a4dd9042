import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Packages Celery needs that some offline package indexes lack; Debian ships
 * them as pure-Python packages. Debian drops their own requirements from the
 * metadata (its packaging pulls them in), so they are listed here.
 */
const DEBIAN_FALLBACKS: Record<string, { deb: string; requires: string[] }> = {
  'click-didyoumean': { deb: 'python3-click-didyoumean', requires: [] },
  'click-repl': {
    deb: 'python3-click-repl',
    requires: ['prompt_toolkit', 'six'],
  },
};

/** The interpreter virtualenvs are made with: `RTC_PYTHON`, else `python3` on PATH. */
export const BASE_PYTHON = process.env.RTC_PYTHON ?? 'python3';

/** A virtualenv with a rendered repository's requirements, ready to run its tests. */
export interface Virtualenv {
  python: string;
  /** What was done to make it: reused, created, Debian fallbacks. */
  notes: string[];
}

/** `requirements.txt` lines (pins), without comments, `-r` includes or blanks. */
export function requirementLines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.replace(/#.*$/, '').trim())
    .filter(line => line && !line.startsWith('-'));
}

/**
 * pip's environment: the machine's offline `file://` index when pip is
 * configured with one, so pip never waits on a public index it cannot reach.
 */
async function pipEnvironment(python: string): Promise<NodeJS.ProcessEnv> {
  if (process.env.PIP_INDEX_URL) return process.env;
  const { stdout } = await run(python, ['-m', 'pip', 'config', 'list']).catch(
    () => ({ stdout: '' }),
  );
  const urls = [...stdout.matchAll(/file:\/\/[^\s'"]+/g)].map(m => m[0]);
  if (urls.length === 0) return process.env;
  return {
    ...process.env,
    PIP_INDEX_URL: urls[0],
    PIP_EXTRA_INDEX_URL: urls.slice(1).join(' '),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
  };
}

/** The site-packages folder of a virtualenv. */
async function sitePackages(python: string): Promise<string> {
  const { stdout } = await run(python, [
    '-c',
    'import sysconfig; print(sysconfig.get_paths()["purelib"])',
  ]);
  return stdout.trim();
}

/** Copies a Debian package's Python modules into a virtualenv, fetching the .deb when it is not installed. */
async function installDebianFallback(
  deb: string,
  site: string,
  cacheDir: string,
): Promise<void> {
  const debianDist = '/usr/lib/python3/dist-packages';
  const installed = await run('dpkg-query', ['-L', deb]).catch(() => undefined);
  let root = '/';
  let files = installed?.stdout.split('\n') ?? [];
  if (!installed) {
    const debDir = path.join(cacheDir, 'debian', deb);
    if (!fs.existsSync(path.join(debDir, 'usr'))) {
      fs.mkdirSync(debDir, { recursive: true });
      await run('apt-get', ['download', deb], { cwd: debDir });
      const archive = fs.readdirSync(debDir).find(f => f.endsWith('.deb'));
      if (!archive) throw new Error(`apt-get download ${deb} gave no .deb`);
      await run('dpkg-deb', ['-x', archive, '.'], { cwd: debDir });
    }
    root = debDir;
    const dist = path.join(debDir, debianDist);
    files = fs.readdirSync(dist).map(f => path.join(debianDist, f));
  }
  const topLevel = new Set(
    files
      .filter(f => f.startsWith(`${debianDist}/`))
      .map(f => f.slice(debianDist.length + 1).split('/')[0])
      .filter(Boolean),
  );
  for (const entry of topLevel) {
    fs.cpSync(path.join(root, debianDist, entry), path.join(site, entry), {
      recursive: true,
    });
  }
}

/** pip's own error lines, without its warnings about ignored index locations. */
function pipError(error: unknown): string {
  const stderr = String((error as { stderr?: string }).stderr ?? error);
  return (
    stderr
      .split('\n')
      .filter(line => line.startsWith('ERROR'))
      .join(' ')
      .trim() || stderr.trim().split('\n').slice(-3).join(' ')
  );
}

/**
 * A virtualenv with exactly these requirements, cached under `cacheDir` by a
 * hash of them and of the Python version, so later runs start at once.
 */
export async function ensureVirtualenv(
  requirements: string[],
  cacheDir: string,
  log: (line: string) => void,
): Promise<Virtualenv> {
  const { stdout: version } = await run(BASE_PYTHON, ['--version']);
  const sorted = [...new Set(requirements)].sort();
  const hash = createHash('sha256')
    .update([version.trim(), ...sorted].join('\n'))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheDir, `venv-${hash}`);
  const python = path.join(dir, 'bin', 'python');
  const complete = path.join(dir, '.complete');
  if (fs.existsSync(complete)) {
    return { python, notes: [`reused ${dir}`] };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  await run(BASE_PYTHON, ['-m', 'venv', dir]);
  const env = await pipEnvironment(python);
  const notes = [`created ${dir} with ${BASE_PYTHON} (${version.trim()})`];
  const requirementsFile = path.join(dir, 'requirements.txt');
  fs.writeFileSync(requirementsFile, `${sorted.join('\n')}\n`);
  const install = (extra: string[] = []) =>
    run(
      python,
      ['-m', 'pip', 'install', '--quiet', '-r', requirementsFile, ...extra],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
  try {
    await install();
  } catch (error) {
    const output = String((error as { stderr?: string }).stderr ?? error);
    const unresolvable = /No matching distribution|from versions: none/.test(
      output,
    );
    const missing = Object.keys(DEBIAN_FALLBACKS).filter(name =>
      output.includes(name),
    );
    if (!unresolvable || missing.length === 0) {
      throw new Error(`pip install failed: ${pipError(error)}`);
    }
    // pip stops at the first missing package; provide all of them at once.
    const site = await sitePackages(python);
    const requires: string[] = [];
    for (const [name, fallback] of Object.entries(DEBIAN_FALLBACKS)) {
      log(
        `${name} is not in the package index; taking ${fallback.deb} from Debian`,
      );
      await installDebianFallback(fallback.deb, site, cacheDir);
      requires.push(...fallback.requires);
      notes.push(`${name} from Debian's ${fallback.deb}`);
    }
    await install(requires).catch(retry => {
      throw new Error(`pip install failed: ${pipError(retry)}`);
    });
  }
  fs.writeFileSync(complete, `${new Date().toISOString()}\n`);
  return { python, notes };
}
