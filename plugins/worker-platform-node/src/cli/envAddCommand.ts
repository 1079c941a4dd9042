import { addEnvironmentToRepository } from '../lifecycle';
import { CliCommand, UsageError } from './CliCommand';
import { repositoryDirectory, reportReRender } from './reRenderReport';

/**
 * `worker-platform env add DIR --name NAME [--copy-from ENV] [--branch
 * BRANCH] [--auto-sync] [--dry-run]`: adds an environment to a rendered
 * repository's spec and re-renders it, keeping hand-edited files.
 */
export const envAddCommand: CliCommand = {
  name: 'env',
  summary:
    'add an environment to a rendered repository (env add DIR --name NAME)',
  usage:
    'env add DIR --name NAME [--copy-from ENV] [--branch BRANCH] [--auto-sync] [--dry-run]',
  options: {
    name: { type: 'string' },
    'copy-from': { type: 'string' },
    branch: { type: 'string' },
    'auto-sync': { type: 'boolean' },
    'dry-run': { type: 'boolean', default: false },
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
    const dir = await repositoryDirectory(rest);
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
            autoSync: values['auto-sync'] === true ? true : undefined,
          },
          { dryRun },
        ),
      dryRun,
    );
  },
};

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
