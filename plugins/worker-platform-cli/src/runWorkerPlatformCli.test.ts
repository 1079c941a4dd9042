import { CliCommand, CliIo, ExitCode, UsageError } from './CliCommand';
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

/** A command that reports how it was called, or fails as asked. */
const echoCommand: CliCommand = {
  name: 'echo',
  summary: 'print the parsed arguments',
  usage: 'echo DIR [--format json]',
  options: { format: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('expected one DIR');
    io.stdout(JSON.stringify({ values, positionals }));
    return ExitCode.success;
  },
};

describe('runWorkerPlatformCli', () => {
  it('runs the named command with its parsed options', async () => {
    const { io, out } = bufferedIo();
    const code = await runWorkerPlatformCli(
      ['echo', 'repo', '--format', 'json'],
      io,
      [echoCommand],
    );
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      values: { format: 'json' },
      positionals: ['repo'],
    });
  });

  it('lists the commands on --help and exits 0', async () => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli(['--help'], io, [echoCommand])).toBe(0);
    expect(out.stdout).toContain('echo  print the parsed arguments');
    expect(out.stdout).toContain('worker-platform echo DIR [--format json]');
  });

  it('exits 2 with the command list when no command is given', async () => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli([], io, [echoCommand])).toBe(2);
    expect(out.stderr).toContain('usage: worker-platform <command>');
  });

  it('exits 2 on an unknown command', async () => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli(['deploy'], io, [echoCommand])).toBe(2);
    expect(out.stderr).toMatch(/^unknown command "deploy"/);
  });

  it('exits 2 on an unknown option, naming it', async () => {
    const { io, out } = bufferedIo();
    expect(
      await runWorkerPlatformCli(['echo', 'repo', '--fromat', 'json'], io, [
        echoCommand,
      ]),
    ).toBe(2);
    expect(out.stderr).toMatch(/worker-platform echo: .*--fromat/);
    expect(out.stderr).toContain(
      'usage: worker-platform echo DIR [--format json]',
    );
  });

  it('exits 2 when the command reports a usage error', async () => {
    const { io, out } = bufferedIo();
    expect(await runWorkerPlatformCli(['echo'], io, [echoCommand])).toBe(2);
    expect(out.stderr).toMatch(/^worker-platform echo: expected one DIR/);
  });

  it("prints one command's usage on --help", async () => {
    const { io, out } = bufferedIo();
    expect(
      await runWorkerPlatformCli(['echo', '--help'], io, [echoCommand]),
    ).toBe(0);
    expect(out.stdout).toBe(
      'usage: worker-platform echo DIR [--format json]\n',
    );
  });

  it('lets unexpected errors through for the bin to report', async () => {
    const failing: CliCommand = {
      ...echoCommand,
      run: async () => {
        throw new Error('disk on fire');
      },
    };
    await expect(
      runWorkerPlatformCli(['echo', 'x'], bufferedIo().io, [failing]),
    ).rejects.toThrow('disk on fire');
  });
});
