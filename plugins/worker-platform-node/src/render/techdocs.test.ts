import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeToTempDir } from './kustomizeBuild';
import { renderRepository } from './renderRepository';
import { exampleSpec } from './__testUtils__/testSpecs';

/**
 * The rendered docs build the way the app's TechDocs backend builds them
 * with `techdocs.generator.runIn: local`: `mkdocs build` in the repository,
 * with the techdocs-core plugin added to mkdocs.yml unless the backend is
 * told to omit it. `--strict` also fails on a nav entry without its page
 * or a broken link. It needs mkdocs, and for the standard build the
 * techdocs-core plugin; where they are missing the tests are skipped and
 * say so. `yarn test:all` puts first on PATH the mkdocs `yarn start` gives
 * TechDocs (scripts/techdocs/toolchain.cjs).
 */

/** The Python interpreter mkdocs runs on, from its script's first line. */
function mkdocsPython(): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v mkdocs'], {
    encoding: 'utf8',
  });
  const script = which.status === 0 ? which.stdout.trim() : '';
  if (!script) return undefined;
  const shebang = fs.readFileSync(script, 'utf8').split('\n')[0];
  return /^#!\s*(\S+)/.exec(shebang)?.[1] ?? 'python3';
}

/** Whether mkdocs finds a plugin by this name (the real package, or the stand-in of scripts/techdocs). */
function hasMkdocsPlugin(python: string, name: string): boolean {
  const check = `import sys; from importlib.metadata import entry_points; sys.exit(0 if entry_points(group="mkdocs.plugins", name="${name}") else 1)`;
  return spawnSync(python, ['-c', check]).status === 0;
}

const python = mkdocsPython();
const techdocsCore = python ? hasMkdocsPlugin(python, 'techdocs-core') : false;

function skipLoudly(reason: string) {
  // eslint-disable-next-line no-console
  console.warn(`\n\n  *** SKIPPED: ${reason} ***\n\n`);
  // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
  it.skip(`SKIPPED: ${reason}`, () => {});
}

function buildDocs(withTechdocsCore: boolean) {
  const input = writeToTempDir(renderRepository(exampleSpec('pingvasai')));
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'techdocs-site-'));
  if (withTechdocsCore) {
    fs.appendFileSync(
      path.join(input, 'mkdocs.yml'),
      'plugins:\n  - techdocs-core\n',
    );
  }
  const build = spawnSync(
    'mkdocs',
    ['build', '--strict', '-f', 'mkdocs.yml', '-d', output],
    { cwd: input, encoding: 'utf8' },
  );
  const read = (file: string) =>
    fs.readFileSync(path.join(output, file), 'utf8');
  const cleanUp = () => {
    fs.rmSync(input, { recursive: true, force: true });
    fs.rmSync(output, { recursive: true, force: true });
  };
  return { build, read, cleanUp };
}

describe('TechDocs builds the docs of a rendered repository', () => {
  jest.setTimeout(60_000);

  if (!python) {
    skipLoudly(
      'TechDocs build: no mkdocs on PATH (node scripts/techdocs/toolchain.cjs prepares one; yarn test:all puts it on PATH)',
    );
    return;
  }

  it('with plain mkdocs: the README, the environments and every runbook', () => {
    const { build, read, cleanUp } = buildDocs(false);
    try {
      expect(build.stderr).not.toMatch(/WARNING|ERROR/);
      expect(build.status).toBe(0);
      expect(read('index.html')).toContain('Worker pools');
      expect(read('environments/index.html')).toContain(
        'pingvasai-production-workers',
      );
      expect(read('runbooks/api-down/index.html')).toContain(
        'the pingvasai API does not answer',
      );
      expect(read('runbooks/keda-not-scaling/index.html')).toContain(
        'a worker pool does not scale',
      );
    } finally {
      cleanUp();
    }
  });

  if (!techdocsCore) {
    skipLoudly(
      `TechDocs build with techdocs-core: no techdocs-core plugin for ${python} (pip install mkdocs-techdocs-core, or run through yarn test:all)`,
    );
  } else {
    it('with techdocs-core, as TechDocs builds by default', () => {
      const { build, read, cleanUp } = buildDocs(true);
      try {
        expect(build.stderr).not.toMatch(/WARNING|ERROR/);
        expect(build.status).toBe(0);
        // The Material layout the TechDocs reader expects, and the metadata
        // it reads the site's name from.
        expect(read('runbooks/api-down/index.html')).toMatch(
          /class="md-content"[\s\S]*the pingvasai API does not answer/,
        );
        expect(JSON.parse(read('techdocs_metadata.json'))).toMatchObject({
          site_name: 'pingvasai',
        });
      } finally {
        cleanUp();
      }
    });
  }
});
