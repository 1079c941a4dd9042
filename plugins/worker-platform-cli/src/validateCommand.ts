import { promises as fs } from 'node:fs';
import {
  formatFinding,
  validateRepository,
} from '@worker-platform/plugin-worker-platform-node';
import { CliCommand, ExitCode, UsageError } from './CliCommand';
import {
  readSpecDefaultsOption,
  SPEC_DEFAULTS_HELP,
  specDefaultsOption,
} from './specDefaultsOption';

const FORMATS = ['text', 'json'] as const;

/**
 * `worker-platform validate DIR [--format text|json] [--defaults FILE]`:
 * checks a deployment repository and prints every finding; exits 1 when
 * any is an error.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary:
    'check a deployment repository: kustomize builds, schemas, workflows, Dockerfiles, cross-file rules',
  usage: 'validate DIR [--format text|json] [--defaults FILE]',
  help: SPEC_DEFAULTS_HELP,
  options: {
    format: { type: 'string', default: 'text' },
    ...specDefaultsOption,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'DIR is required'
          : `expected one DIR, got ${positionals.length}`,
      );
    }
    const [dir] = positionals;
    const format = values.format;
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    }
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new UsageError(`${dir} is not a directory`);
    }

    const specDefaults = await readSpecDefaultsOption(values.defaults);

    const findings = await validateRepository(dir, { specDefaults });
    const errors = findings.filter(f => f.severity === 'error').length;
    if (format === 'json') {
      io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    } else {
      for (const finding of findings) {
        io.stdout(`${formatFinding(finding)}\n`);
      }
      io.stderr(
        `${dir}: ${errors} error(s), ${findings.length - errors} warning(s)\n`,
      );
    }
    return errors > 0 ? ExitCode.failure : ExitCode.success;
  },
};
