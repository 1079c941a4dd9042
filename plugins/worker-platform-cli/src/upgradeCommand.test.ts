import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  withRenderManifest,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
import {
  demoSpecDefaults,
  repositoryRootPath,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { runCliInProcess as run } from './__testUtils__/runCli';

describe('worker-platform upgrade', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let repo: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-platform-upgrade-'));
    repo = path.join(dir, 'repo');
    const specFile = repositoryRootPath('examples/specs/minimal.yaml');
    const parsed = parseSpec(
      await fs.readFile(specFile, 'utf8'),
      demoSpecDefaults(),
    );
    if (!parsed.ok) throw new Error(`${specFile} is invalid`);
    await writeRepository(
      repo,
      withRenderManifest(renderRepository(parsed.spec), parsed.spec),
    );
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('re-renders a repository without the defaults it was rendered with: its stored spec records them', async () => {
    const copy = path.join(dir, 'recorded');
    await fs.cp(repo, copy, { recursive: true });
    const result = await run(['upgrade', copy]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /: 0 added, 0 updated, 0 removed, 0 conflict/,
    );
  });

  it('asks for --defaults when a value was removed from the stored spec, and records it once given', async () => {
    const copy = path.join(dir, 'no-owner');
    await fs.cp(repo, copy, { recursive: true });
    const specFile = path.join(copy, '.worker-platform/spec.yaml');
    const stored = await fs.readFile(specFile, 'utf8');
    await fs.writeFile(specFile, stored.replace(/^ {2}owner: .*\n/m, ''));

    const refused = await run(['upgrade', copy]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /\.worker-platform\/spec\.yaml:\d+: metadata\.owner: required — set it in the spec, or workerPlatform\.defaults\.owner in app-config \(the CLI reads it with --defaults FILE\)/,
    );

    const upgraded = await run([
      'upgrade',
      copy,
      '--defaults',
      repositoryRootPath('app-config.yaml'),
    ]);
    expect(upgraded.code).toBe(0);
    expect(await fs.readFile(specFile, 'utf8')).toBe(stored);
  });

  it('changes nothing a second time and exits 0', async () => {
    expect((await run(['upgrade', repo])).code).toBe(0);

    const again = await run(['upgrade', repo]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /: 0 added, 0 updated, 0 removed, 0 conflict\(s\), \d+ unchanged, 1 left to CI \(image pins\)\n$/,
    );
  });

  it('in a dry run reports a conflict (exit 3) but writes nothing', async () => {
    const file = path.join(repo, 'k8s/base/service-ns/deployment.yaml');
    await fs.appendFile(file, '# edited\n');
    const result = await run(['upgrade', repo, '--dry-run']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^Dry run, nothing written in /);
    expect(result.stdout).toContain(
      'conflict   k8s/base/service-ns/deployment.yaml',
    );
    await expect(
      fs.stat(path.join(repo, '.worker-platform/conflicts')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 on a broken manifest', async () => {
    await fs.writeFile(path.join(repo, '.worker-platform/manifest.json'), '{');
    const result = await run(['upgrade', repo]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('manifest.json is not JSON');
  });

  it('exits 2 without DIR', async () => {
    expect((await run(['upgrade'])).code).toBe(2);
  });
});
