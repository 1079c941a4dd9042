import { addEnvironmentToRepository } from '@worker-platform/plugin-worker-platform-node';
import { CliCommand, UsageError } from './CliCommand';
import {
  readSpecDefaultsOption,
  SPEC_DEFAULTS_HELP,
  specDefaultsOption,
} from './specDefaultsOption';
import { repositoryDirectory, reportReRender } from './reRenderReport';

/**
 * `worker-platform env add DIR --name NAME [--copy-from ENV] [--branch
 * BRANCH] [--auto-sync | --no-auto-sync] [--dry-run] [--defaults FILE]`:
 * adds an environment to a rendered repository's spec and re-renders it,
 * keeping hand-edited files. Without either sync flag the copied
 * environment's mode (or the default for the name) applies.
 */
export const envAddCommand: CliCommand = {
  name: 'env',
  summary:
    'add an environment to a rendered repository (env add DIR --name NAME)',
  usage:
    'env add DIR --name NAME [--copy-from ENV] [--branch BRANCH] [--auto-sync | --no-auto-sync] [--dry-run] [--defaults FILE]',
  help: SPEC_DEFAULTS_HELP,
  options: {
    name: { type: 'string' },
    'copy-from': { type: 'string' },
    branch: { type: 'string' },
    'auto-sync': { type: 'boolean' },
    'no-auto-sync': { type: 'boolean' },
    'dry-run': { type: 'boolean', default: false },
    ...specDefaultsOption,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [subcommand, ...rest] = positionals;
    if (subcommand !== 'add') {
      throw new UsageError(
        subcommand
          ? `unknown env subcommand "${subcommand}"; only "add" exists`
          : 'expected "add"',
      );
    }
    const name = values.name;
    if (typeof name !== 'string' || name === '') {
      throw new UsageError('--name is required');
    }
    if (values['auto-sync'] && values['no-auto-sync']) {
      throw new UsageError('--auto-sync and --no-auto-sync contradict');
    }
    const dir = await repositoryDirectory(rest);
    const specDefaults = await readSpecDefaultsOption(values.defaults);
    const dryRun = values['dry-run'] === true;
    return reportReRender(
      dir,
      io,
      async () =>
        addEnvironmentToRepository(
          dir,
          {
            name,
            copyFrom: optionalString(values['copy-from']),
            branch: optionalString(values.branch),
            autoSync: syncFlag(values['auto-sync'], values['no-auto-sync']),
          },
          { dryRun, specDefaults },
        ),
      dryRun,
    );
  },
};

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function syncFlag(on: unknown, off: unknown): boolean | undefined {
  if (on === true) return true;
  if (off === true) return false;
  return undefined;
}
