import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
import {
  demoSpecDefaults,
  repositoryRootPath,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { CliIo } from './CliCommand';
import { runWorkerPlatformCli } from './runWorkerPlatformCli';

function bufferedIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: text => {
      out.stdout += text;
    },
    stderr: text => {
      out.stderr += text;
    },
  };
  return { io, out };
}

describe('worker-platform validate', () => {
  jest.setTimeout(120_000);
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'worker-platform-validate-cli-'),
    );
    const spec = parseSpec(
      await fs.readFile(
        repositoryRootPath('examples/specs/minimal.yaml'),
        'utf8',
      ),
      demoSpecDefaults(),
    );
    if (!spec.ok) throw new Error('examples/specs/minimal.yaml is invalid');
    await writeRepository(path.join(dir, 'repo'), renderRepository(spec.spec));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('exits 0 on a freshly rendered repository, with no error findings', async () => {
    const { io, out } = bufferedIo();
    const code = await runWorkerPlatformCli(
      ['validate', path.join(dir, 'repo')],
      io,
    );
    expect(code).toBe(0);
    // Without kustomize the only finding is the warning that says so.
    const lines = out.stdout.split('\n').filter(Boolean);
    expect(
      lines.filter(l => !l.includes(': kustomize/tool: warning: ')),
    ).toEqual([]);
    expect(out.stderr).toMatch(/: 0 error\(s\)/);
  });

  it('prints file:line: rule: message for each finding and exits 1 on errors', async () => {
    const broken = path.join(dir, 'broken');
    await fs.cp(path.join(dir, 'repo'), broken, { recursive: true });
    const dockerfile = path.join(broken, 'Dockerfile');
    await fs.writeFile(
      dockerfile,
      (
        await fs.readFile(dockerfile, 'utf8')
      ).replace(/^USER .*$/m, 'USER root'),
    );

    const { io, out } = bufferedIo();
    const code = await runWorkerPlatformCli(['validate', broken], io);

    expect(code).toBe(1);
    expect(out.stdout).toMatch(
      /^Dockerfile:\d+: dockerfiles\/non-root-user: the final stage runs as root$/m,
    );
  });

  it('prints the findings as JSON with --format json', async () => {
    const broken = path.join(dir, 'broken-json');
    await fs.cp(path.join(dir, 'repo'), broken, { recursive: true });
    await fs.appendFile(
      path.join(broken, 'Dockerfile'),
      'ADD https://example.com/x.tgz /tmp/\n',
    );

    const { io, out } = bufferedIo();
    const code = await runWorkerPlatformCli(
      ['validate', broken, '--format', 'json'],
      io,
    );

    expect(code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'Dockerfile',
          rule: 'dockerfiles/no-add-url',
          severity: 'error',
        }),
      ]),
    );
  });

  it('reads the stored spec with the --defaults of an app-config, as upgrade does', async () => {
    // Someone removed the registry from the stored spec: only the
    // organisation's default can fill it now.
    const edited = path.join(dir, 'no-registry');
    await fs.cp(path.join(dir, 'repo'), edited, { recursive: true });
    const specFile = path.join(edited, '.worker-platform/spec.yaml');
    const text = await fs.readFile(specFile, 'utf8');
    await fs.writeFile(specFile, text.replace(/^ {2}registry: .*\n/m, ''));

    const without = bufferedIo();
    expect(await runWorkerPlatformCli(['validate', edited], without.io)).toBe(
      1,
    );
    expect(without.out.stdout).toMatch(
      /^\.worker-platform\/spec\.yaml:\d+: schemas\/worker-platform-spec: spec\.registry: required — set it in the spec, or workerPlatform\.defaults\.registry in app-config/m,
    );

    const withDefaults = bufferedIo();
    const code = await runWorkerPlatformCli(
      ['validate', edited, '--defaults', repositoryRootPath('app-config.yaml')],
      withDefaults.io,
    );
    expect(withDefaults.out.stdout).not.toContain('worker-platform-spec');
    expect(code).toBe(0);
  });

  it.each([
    [['validate'], /DIR is required/],
    [['validate', 'a', 'b'], /expected one DIR, got 2/],
    [
      ['validate', '.', '--format', 'xml'],
      /--format must be one of text, json/,
    ],
    [['validate', '/no/such/dir'], /\/no\/such\/dir is not a directory/],
    [
      ['validate', '.', '--defaults', '/no/such/file.yaml'],
      /cannot read defaults file \/no\/such\/file\.yaml/,
    ],
  ])('exits 2 on the usage error in %j', async (args, message) => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});
