import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
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
        path.resolve(__dirname, '../../../examples/specs/minimal.yaml'),
        'utf8',
      ),
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

  it.each([
    [['validate'], /DIR is required/],
    [['validate', 'a', 'b'], /expected one DIR, got 2/],
    [
      ['validate', '.', '--format', 'xml'],
      /--format must be one of text, json/,
    ],
    [['validate', '/no/such/dir'], /\/no\/such\/dir is not a directory/],
  ])('exits 2 on the usage error in %j', async (args, message) => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});
