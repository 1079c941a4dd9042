import { argocdRegisterCommand } from './argocdRegisterCommand';
import { CliCommand } from './CliCommand';
import { envAddCommand } from './envAddCommand';
import { renderCommand } from './renderCommand';
import { upgradeCommand } from './upgradeCommand';
import { validateCommand } from './validateCommand';

/** Every subcommand, in the order `worker-platform --help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  renderCommand,
  validateCommand,
  envAddCommand,
  upgradeCommand,
  argocdRegisterCommand,
];
