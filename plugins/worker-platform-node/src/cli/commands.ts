import { CliCommand } from './CliCommand';
import { renderCommand } from './renderCommand';
import { validateCommand } from './validateCommand';

/** Every subcommand, in the order `worker-platform --help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  renderCommand,
  validateCommand,
];
