import { upgradeRepository } from '@worker-platform/plugin-worker-platform-node';
import { CliCommand } from './CliCommand';
import {
  readSpecDefaultsOption,
  SPEC_DEFAULTS_HELP,
  specDefaultsOption,
} from './specDefaultsOption';
import { repositoryDirectory, reportReRender } from './reRenderReport';

/**
 * `worker-platform upgrade DIR [--dry-run] [--defaults FILE]`: re-renders a
 * repository from its stored spec with this version's blueprints, keeping
 * hand-edited files.
 */
export const upgradeCommand: CliCommand = {
  name: 'upgrade',
  summary:
    're-render a repository from its stored spec with the current blueprints',
  usage: 'upgrade DIR [--dry-run] [--defaults FILE]',
  help: SPEC_DEFAULTS_HELP,
  options: {
    'dry-run': { type: 'boolean', default: false },
    ...specDefaultsOption,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const dir = await repositoryDirectory(positionals);
    const specDefaults = await readSpecDefaultsOption(values.defaults);
    const dryRun = values['dry-run'] === true;
    return reportReRender(
      dir,
      io,
      () => upgradeRepository(dir, { dryRun, specDefaults }),
      dryRun,
    );
  },
};
