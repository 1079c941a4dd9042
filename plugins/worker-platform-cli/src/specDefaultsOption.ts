import { promises as fs } from 'node:fs';
import {
  formatSpecErrors,
  parseSpecDefaults,
  SPEC_DEFAULTS_CONFIG_PATH,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';
import { UsageError } from './CliCommand';

/** `--defaults FILE`, taken by every command that reads a spec. */
export const specDefaultsOption = {
  defaults: { type: 'string' },
} as const;

/** What `<command> --help` says about `--defaults`. */
export const SPEC_DEFAULTS_HELP = `--defaults FILE  a YAML file with ${SPEC_DEFAULTS_CONFIG_PATH} (registry, owner, apiDomain), such as the platform's app-config.yaml (the rest of the file is ignored, \${VAR}s are not substituted): the organisation's values for the fields a spec leaves out — spec.registry, metadata.owner and spec.api.host (<name>.<apiDomain>). Without it a spec must give them itself.`;

/**
 * The organisation's spec defaults from `--defaults FILE`, none without it.
 * A file that cannot be read, is not valid, or sets none of them is a usage
 * error: the engineer pointed at the wrong file.
 */
export async function readSpecDefaultsOption(
  value: unknown,
): Promise<SpecDefaults> {
  if (value === undefined) return {};
  if (typeof value !== 'string' || value === '') {
    throw new UsageError('--defaults needs a FILE');
  }
  let text: string;
  try {
    text = await fs.readFile(value, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read defaults file ${value}: ${(error as Error).message}`,
    );
  }
  const result = parseSpecDefaults(text);
  if (!result.ok) {
    throw new UsageError(
      `${value} has ${result.errors.length} error(s):\n${formatSpecErrors(
        result.errors,
        value,
      )}`,
    );
  }
  if (Object.keys(result.defaults).length === 0) {
    throw new UsageError(
      `${value} sets no ${SPEC_DEFAULTS_CONFIG_PATH} (registry, owner or apiDomain)`,
    );
  }
  return result.defaults;
}
