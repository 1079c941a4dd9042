import { promises as fs } from 'node:fs';
import {
  formatSpecErrors,
  parseSpec,
} from '@worker-platform/plugin-worker-platform-common';
import {
  RenderError,
  renderRepository,
  TargetNotEmptyError,
  withRenderManifest,
  writeRepository,
  WriteRepositoryError,
} from '@worker-platform/plugin-worker-platform-node';
import { CliCommand, ExitCode, UsageError } from './CliCommand';
import {
  readSpecDefaultsOption,
  SPEC_DEFAULTS_HELP,
  specDefaultsOption,
} from './specDefaultsOption';

/**
 * `worker-platform render --spec FILE --out DIR [--force] [--defaults
 * FILE]`: renders a spec into a new repository directory. Nothing is
 * written unless the spec is valid and the whole repository rendered.
 */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'render a WorkerPlatform spec into a deployment repository',
  usage: 'render --spec FILE --out DIR [--force] [--defaults FILE]',
  help: SPEC_DEFAULTS_HELP,
  options: {
    spec: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    ...specDefaultsOption,
  },
  async run({ values }, io) {
    const specFile = requiredString(values.spec, '--spec');
    const outDir = requiredString(values.out, '--out');

    const defaults = await readSpecDefaultsOption(values.defaults);

    const parsed = parseSpec(await readSpecFile(specFile), defaults);
    if (!parsed.ok) {
      io.stderr(`${formatSpecErrors(parsed.errors, specFile)}\n`);
      io.stderr(
        `${specFile}: ${parsed.errors.length} error(s); nothing was written\n`,
      );
      return ExitCode.failure;
    }

    let files: Map<string, string>;
    try {
      files = withRenderManifest(renderRepository(parsed.spec), parsed.spec);
    } catch (error) {
      if (error instanceof RenderError) {
        io.stderr(`${specFile}: render failed: ${error.message}\n`);
        return ExitCode.failure;
      }
      throw error;
    }

    try {
      await writeRepository(outDir, files, { force: values.force === true });
    } catch (error) {
      if (error instanceof WriteRepositoryError) {
        const hint =
          error instanceof TargetNotEmptyError
            ? '\n(pass --force to write into it; files of the same path are replaced)'
            : '';
        throw new UsageError(`${error.message}${hint}`);
      }
      throw error;
    }
    io.stdout(
      `Rendered ${files.size} files for ${parsed.spec.metadata.name} into ${outDir}\n`,
    );
    return ExitCode.success;
  },
};

function requiredString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`${flag} is required`);
  }
  return value;
}

async function readSpecFile(specFile: string): Promise<string> {
  try {
    return await fs.readFile(specFile, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read spec file ${specFile}: ${(error as Error).message}`,
    );
  }
}
