import { promises as fs } from 'node:fs';
import {
  EnvironmentAdditionError,
  formatChangeSummary,
  formatFinding,
  RenderError,
  RenderManifestError,
  ReRenderResult,
  ReRenderValidationError,
  StoredSpecError,
} from '@worker-platform/plugin-worker-platform-node';
import { CliIo, ExitCode, UsageError } from './CliCommand';

/** The exit code of a re-render that kept hand-edited files: it worked, but someone has to look. */
export const CONFLICTS_EXIT_CODE = 3;

/** The one DIR a re-rendering command takes, checked to be a directory. */
export async function repositoryDirectory(
  positionals: string[],
): Promise<string> {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'DIR is required'
        : `expected one DIR, got ${positionals.join(' ')}`,
    );
  }
  const [dir] = positionals;
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new UsageError(`${dir} is not a directory`);
  }
  return dir;
}

/**
 * Runs a re-render and reports it: the change summary on stdout, exit 0,
 * or 3 when hand-edited files were kept; problems with the stored spec, the
 * addition, the manifest or the new render on stderr with exit 1.
 */
export async function reportReRender(
  dir: string,
  io: CliIo,
  reRender: () => Promise<ReRenderResult>,
  dryRun: boolean,
): Promise<number> {
  let result: ReRenderResult;
  try {
    result = await reRender();
  } catch (error) {
    if (
      error instanceof StoredSpecError ||
      error instanceof EnvironmentAdditionError ||
      error instanceof ReRenderValidationError ||
      error instanceof RenderManifestError ||
      error instanceof RenderError
    ) {
      io.stderr(`${dir}: ${error.message}\nnothing was written\n`);
      return ExitCode.failure;
    }
    throw error;
  }
  for (const warning of result.warnings) {
    io.stderr(`${formatFinding(warning)}\n`);
  }
  io.stdout(
    `${
      dryRun ? `Dry run, nothing written in ${dir}: ` : `${dir}: `
    }${formatChangeSummary(result.summary)}`,
  );
  return result.summary.conflicts.length > 0
    ? CONFLICTS_EXIT_CODE
    : ExitCode.success;
}
