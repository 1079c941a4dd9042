import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * These tests run the real `bin/worker-platform`, the way the root
 * `yarn worker-platform` script does.
 */
const bin = path.resolve(__dirname, '../bin/worker-platform');
const examples = path.resolve(__dirname, '../../../examples/specs');

function runBin(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve => {
      execFile(
        process.execPath,
        [bin, ...args],
        { cwd },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    },
  );
}

describe('worker-platform render', () => {
  jest.setTimeout(60_000);
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-platform-cli-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('renders a spec into a new directory and exits 0', async () => {
    const result = await runBin(
      ['render', '--spec', path.join(examples, 'minimal.yaml'), '--out', 'out'],
      dir,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^Rendered \d+ files for thumbnailer into out$/m,
    );
    await expect(
      fs.readFile(path.join(dir, 'out/catalog-info.yaml'), 'utf8'),
    ).resolves.toContain('name: thumbnailer');
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
      ['render', '--spec', spec, '--out', 'out'],
      dir,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty; refusing to overwrite it/);
    expect(refused.stderr).toContain('pass --force to write into it');
    expect(await fs.readdir(path.join(dir, 'out'))).toEqual(['notes.md']);

    const forced = await runBin(
      ['render', '--spec', spec, '--out', 'out', '--force'],
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
