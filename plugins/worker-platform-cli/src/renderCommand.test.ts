import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliBinary as runBin } from './__testUtils__/runCli';

/**
 * These tests run the real `bin/worker-platform`, the way the root
 * `yarn worker-platform` script does.
 */
const examples = path.resolve(__dirname, '../../../examples/specs');
/** The demo app's config, whose workerPlatform.defaults minimal.yaml relies on. */
const appConfig = path.resolve(__dirname, '../../../app-config.yaml');

describe('worker-platform render', () => {
  jest.setTimeout(60_000);
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-platform-cli-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('renders a spec into a new directory with the defaults of an app-config, and exits 0', async () => {
    const result = await runBin(
      [
        'render',
        '--spec',
        path.join(examples, 'minimal.yaml'),
        '--out',
        'out',
        '--defaults',
        appConfig,
      ],
      dir,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^Rendered \d+ files for thumbnailer into out$/m,
    );
    await expect(
      fs.readFile(path.join(dir, 'out/catalog-info.yaml'), 'utf8'),
    ).resolves.toContain('name: thumbnailer');
    // The stored spec records what the defaults gave, for later re-renders.
    const stored = await fs.readFile(
      path.join(dir, 'out/.worker-platform/spec.yaml'),
      'utf8',
    );
    expect(stored).toContain('owner: group:default/platform');
    expect(stored).toContain(
      'registry: 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    );
    expect(stored).toContain('host: thumbnailer.example.com');
  });

  it('without --defaults, names each field a spec left out and how to give it, exits 1 and writes nothing', async () => {
    const result = await runBin(
      ['render', '--spec', path.join(examples, 'minimal.yaml'), '--out', 'out'],
      dir,
    );
    expect(result.code).toBe(1);
    for (const [field, key] of [
      ['metadata.owner', 'owner'],
      ['spec.registry', 'registry'],
      ['spec.api.host', 'apiDomain'],
    ]) {
      expect(result.stderr).toContain(
        `: ${field}: required — set it in the spec, or workerPlatform.defaults.${key} in app-config`,
      );
    }
    expect(result.stderr).toContain('(the CLI reads it with --defaults FILE)');
    // file:line: path: message, as every spec error.
    expect(result.stderr).toMatch(/^.+minimal\.yaml:\d+: metadata\.owner: /m);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('lets the spec override the defaults', async () => {
    await fs.writeFile(
      path.join(dir, 'own.yaml'),
      [
        'apiVersion: worker-platform.io/v1alpha1',
        'kind: WorkerPlatform',
        'metadata:',
        '  name: ocr',
        '  owner: user:default/jane',
        'spec:',
        '  registry: ghcr.io/jane',
        '  workers:',
        '    - name: default',
        '      queues: [{ name: pages }]',
        '  environments:',
        '    - name: production',
        '',
      ].join('\n'),
    );
    const result = await runBin(
      ['render', '--spec', 'own.yaml', '--out', 'out', '--defaults', appConfig],
      dir,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const stored = await fs.readFile(
      path.join(dir, 'out/.worker-platform/spec.yaml'),
      'utf8',
    );
    expect(stored).toContain('owner: user:default/jane');
    expect(stored).toContain('registry: ghcr.io/jane');
    expect(stored).toContain('host: ocr.example.com');
  });

  it('exits 2 on a --defaults file that is wrong, naming its line', async () => {
    await fs.writeFile(
      path.join(dir, 'defaults.yaml'),
      'workerPlatform:\n  defaults:\n    registry: Not/A Registry\n',
    );
    await fs.writeFile(path.join(dir, 'other.yaml'), 'app:\n  title: x\n');
    const spec = path.join(examples, 'minimal.yaml');

    const invalid = await runBin(
      ['render', '--spec', spec, '--out', 'out', '--defaults', 'defaults.yaml'],
      dir,
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(
      'defaults.yaml:3: workerPlatform.defaults.registry: must be a container registry host',
    );

    const none = await runBin(
      ['render', '--spec', spec, '--out', 'out', '--defaults', 'other.yaml'],
      dir,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'other.yaml sets no workerPlatform.defaults (registry, owner or apiDomain)',
    );

    const missing = await runBin(
      ['render', '--spec', spec, '--out', 'out', '--defaults', 'nope.yaml'],
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read defaults file nope.yaml');
    expect((await fs.readdir(dir)).sort()).toEqual([
      'defaults.yaml',
      'other.yaml',
    ]);
  });

  it('explains --defaults in the help of each command that reads a spec', async () => {
    for (const command of ['render', 'validate', 'upgrade', 'env', 'argocd']) {
      const result = await runBin([command, '--help'], dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('[--defaults FILE]');
      expect(result.stdout).toContain(
        '--defaults FILE  a YAML file with workerPlatform.defaults (registry, owner, apiDomain)',
      );
    }
  });

  it('prints every spec error as file:line: path: message, exits 1 and writes nothing', async () => {
    await fs.writeFile(
      path.join(dir, 'bad.yaml'),
      [
        'apiVersion: worker-platform.io/v1alpha1',
        'kind: WorkerPlatform',
        'metadata:',
        '  name: Bad_Name',
        'spec:',
        '  workers:',
        '    - name: gpu',
        '      queues: []',
        '  environments:',
        '    - name: production',
        '',
      ].join('\n'),
    );
    const result = await runBin(
      ['render', '--spec', 'bad.yaml', '--out', 'out'],
      dir,
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bad\.yaml:4: metadata\.name: must be a DNS label/m,
    );
    expect(result.stderr).toMatch(
      /^bad\.yaml:8: spec\.workers\[0\]\.queues: a worker pool needs at least one queue/m,
    );
    expect(await fs.readdir(dir)).toEqual(['bad.yaml']);
  });

  it('refuses a non-empty --out without --force, exits 2 and leaves it alone', async () => {
    await fs.mkdir(path.join(dir, 'out'));
    await fs.writeFile(path.join(dir, 'out/notes.md'), 'mine');
    const spec = path.join(examples, 'minimal.yaml');

    const refused = await runBin(
      ['render', '--spec', spec, '--out', 'out', '--defaults', appConfig],
      dir,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty; refusing to overwrite it/);
    expect(refused.stderr).toContain('pass --force to write into it');
    expect(await fs.readdir(path.join(dir, 'out'))).toEqual(['notes.md']);

    const forced = await runBin(
      [
        'render',
        '--spec',
        spec,
        '--out',
        'out',
        '--force',
        '--defaults',
        appConfig,
      ],
      dir,
    );
    expect(forced.code).toBe(0);
    const files = await fs.readdir(path.join(dir, 'out'));
    expect(files).toEqual(
      expect.arrayContaining(['notes.md', 'catalog-info.yaml']),
    );
  });

  it.each([
    [['render', '--out', 'out'], /--spec is required/],
    [
      ['render', '--spec', 'missing.yaml', '--out', 'out'],
      /cannot read spec file missing\.yaml/,
    ],
    [['render', '--spec', 'x.yaml', '--out', 'out', '--colour'], /--colour/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on the usage error in %j', async (args, message) => {
    const result = await runBin(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
