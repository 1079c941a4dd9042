import { parseArgs } from 'node:util';
import { CliCommand, CliIo, ExitCode, UsageError } from './CliCommand';
import { cliCommands } from './commands';

const processIo: CliIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};

/**
 * Runs `worker-platform <command> [options]` and resolves to the exit code:
 * 0 success, 1 spec errors or findings, 2 usage errors.
 */
export async function runWorkerPlatformCli(
  argv: string[],
  io: CliIo = processIo,
  commands: readonly CliCommand[] = cliCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usageText(commands));
    return ExitCode.success;
  }
  const command = commands.find(c => c.name === name);
  if (!command) {
    io.stderr(
      `${name ? `unknown command "${name}"\n\n` : ''}${usageText(commands)}`,
    );
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(
      `usage: worker-platform ${command.usage}\n${
        command.help ? `\n${command.help}\n` : ''
      }`,
    );
    return ExitCode.success;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run({ values, positionals }, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(
        `worker-platform ${command.name}: ${(error as Error).message}\n` +
          `usage: worker-platform ${command.usage}\n`,
      );
      return ExitCode.usage;
    }
    throw error;
  }
}

function usageText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map(c => c.name.length));
  return [
    'usage: worker-platform <command> [options]',
    '',
    'commands:',
    ...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...commands.map(c => `  worker-platform ${c.usage}`),
    '',
    'worker-platform <command> --help says more about its options.',
    '',
  ].join('\n');
}

/** `util.parseArgs` reports unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
