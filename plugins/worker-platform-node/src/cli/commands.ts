import { CliCommand } from './CliCommand';
import { renderCommand } from './renderCommand';

/** Every subcommand, in the order `worker-platform --help` lists them. */
export const cliCommands: readonly CliCommand[] = [renderCommand];
