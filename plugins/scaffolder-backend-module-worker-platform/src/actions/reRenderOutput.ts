import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ChangeSummary,
  CONFLICTS_DIRECTORY,
  EnvironmentAdditionError,
  formatFinding,
  RenderManifestError,
  ReRenderResult,
  ReRenderValidationError,
  StoredSpecError,
} from '@worker-platform/plugin-worker-platform-node';

/**
 * Runs a re-render, turning the errors a user can fix into an `InputError`
 * that lists them, and logs what changed.
 */
export async function runReRender<T extends ReRenderResult>(
  reRender: () => Promise<T>,
  logger: LoggerService,
): Promise<T> {
  let result: T;
  try {
    result = await reRender();
  } catch (error) {
    if (
      error instanceof EnvironmentAdditionError ||
      error instanceof StoredSpecError ||
      error instanceof ReRenderValidationError ||
      error instanceof RenderManifestError
    ) {
      throw new InputError(error.message);
    }
    throw error;
  }
  for (const warning of result.warnings) {
    logger.warn(formatFinding(warning));
  }
  return result;
}

/** The change summary as Markdown: counts, then the changed paths. */
export function changeSummaryMarkdown(summary: ChangeSummary): string {
  const section = (title: string, files: string[]) =>
    files.length === 0
      ? []
      : [`**${title}**`, '', ...files.map(file => `- \`${file}\``), ''];
  return [
    `${summary.added.length} added, ${summary.updated.length} updated, ${summary.removed.length} removed, ${summary.conflicts.length} conflict(s), ${summary.unchanged.length} unchanged, ${summary.ciOwned.length} left to CI.`,
    '',
    ...section('Added', summary.added),
    ...section('Updated', summary.updated),
    ...section('Removed', summary.removed),
    ...section(
      `Conflicts (kept as edited; the new version is in ${CONFLICTS_DIRECTORY}/)`,
      summary.conflicts,
    ),
  ].join('\n');
}

/** The summary as a plain JSON object, the shape a checkpoint can store. */
export function plainSummary(summary: ChangeSummary) {
  return {
    added: summary.added,
    updated: summary.updated,
    removed: summary.removed,
    conflicts: summary.conflicts,
    unchanged: summary.unchanged,
    ciOwned: summary.ciOwned,
  };
}
