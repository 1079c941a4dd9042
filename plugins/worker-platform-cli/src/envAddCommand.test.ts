import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  runCliBinary as runBin,
  runCliInProcess as runInProcess,
} from './__testUtils__/runCli';

/**
 * The acceptance path runs the real `bin/worker-platform`, as the root
 * `yarn worker-platform` script does; the error paths run in process.
 */
const packageDir = path.resolve(__dirname, '..');
const pingvasai = path.resolve(
  packageDir,
  '../../examples/specs/pingvasai.yaml',
);

describe('worker-platform env add', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let repo: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-platform-env-'));
    repo = path.join(dir, 'repo');
    const render = await runBin(
      ['render', '--spec', pingvasai, '--out', 'repo'],
      dir,
    );
    if (render.code !== 0) {
      throw new Error(`render failed: ${render.stderr}`);
    }
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('adds perf copied from staging, prints the summary and exits 0', async () => {
    await expect(
      fs.stat(path.join(repo, '.worker-platform/manifest.json')),
    ).resolves.toBeTruthy();

    const result = await runBin(
      ['env', 'add', 'repo', '--name', 'perf', '--copy-from', 'staging'],
      dir,
    );

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^repo: \d+ added, 14 updated, 0 removed, 0 conflict\(s\), \d+ unchanged, 3 left to CI \(image pins\)$/m,
    );
    expect(result.stdout).toContain(
      '  added      argocd/applications/perf-api.yaml',
    );
    expect(result.stdout).toContain(
      '  added      k8s/overlays/perf/worker-ns/kustomization.yaml',
    );
    expect(result.stdout).toContain('  updated    argocd/appproject.yaml');
    const application = await fs.readFile(
      path.join(repo, 'argocd/applications/perf-workers.yaml'),
      'utf8',
    );
    expect(application).toContain('path: k8s/overlays/perf/worker-ns');
  });

  it('keeps a hand-edited file, lists it and exits 3', async () => {
    const runbook = path.join(repo, 'docs/runbooks/api-down.md');
    await fs.appendFile(runbook, '\nPage the on-call first.\n');

    const result = await runInProcess([
      'env',
      'add',
      repo,
      '--name',
      'qa',
      '--copy-from',
      'staging',
      '--no-auto-sync',
    ]);

    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      '  conflict   docs/runbooks/api-down.md (kept as edited)',
    );
    expect(await fs.readFile(runbook, 'utf8')).toContain(
      'Page the on-call first.',
    );
    const qa = await fs.readFile(
      path.join(repo, 'argocd/applications/qa-workers.yaml'),
      'utf8',
    );
    // staging syncs by itself; --no-auto-sync overrides what was copied.
    expect(qa).not.toMatch(/^\s+automated:/m);
  });

  it('exits 1 naming the field when the environment exists, and writes nothing', async () => {
    const before = await fs.readFile(
      path.join(repo, '.worker-platform/spec.yaml'),
      'utf8',
    );
    const result = await runInProcess([
      'env',
      'add',
      repo,
      '--name',
      'staging',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'name: environment "staging" already exists',
    );
    expect(result.stderr).toContain('nothing was written');
    expect(
      await fs.readFile(path.join(repo, '.worker-platform/spec.yaml'), 'utf8'),
    ).toBe(before);
  });

  it('exits 1 when DIR has no stored spec', async () => {
    const result = await runInProcess(['env', 'add', dir, '--name', 'qa']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\.worker-platform\/spec\.yaml cannot be read/,
    );
  });

  it.each([
    [['env', 'add', '--name', 'qa'], /DIR is required/],
    [['env', 'add', 'repo'], /--name is required/],
    [
      ['env', 'add', 'repo', '--name', 'qa', '--auto-sync', '--no-auto-sync'],
      /--auto-sync and --no-auto-sync contradict/,
    ],
    [
      ['env', 'remove', 'repo', '--name', 'qa'],
      /unknown env subcommand "remove"/,
    ],
    [
      ['env', 'add', 'missing-dir', '--name', 'qa'],
      /missing-dir is not a directory/,
    ],
    [['env', 'add', 'repo', '--name', 'qa', '--copy'], /--copy/],
  ])('exits 2 on the usage error in %j', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
