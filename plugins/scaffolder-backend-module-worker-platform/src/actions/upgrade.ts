import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { upgradeRepository } from '@worker-platform/plugin-worker-platform-node';
import path from 'node:path';
import { examples } from './upgrade.examples';
import {
  changeSummaryMarkdown,
  plainSummary,
  runReRender,
} from './reRenderOutput';
import { resolveWorkspacePath } from './workspacePath';

/** Options of {@link createUpgradeAction}. @public */
export interface UpgradeActionOptions {
  /**
   * The organisation's values for the fields a spec may leave out
   * (`workerPlatform.defaults`); they fill only a value removed from the stored spec by hand; none by default.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Creates the `worker-platform:upgrade` action: re-renders a repository in
 * the workspace from its stored spec with the installed blueprints, e.g.
 * after the worker-platform packages were updated.
 *
 * @public
 */
export function createUpgradeAction(options: UpgradeActionOptions = {}) {
  return createTemplateAction({
    id: 'worker-platform:upgrade',
    description:
      'Re-renders a WorkerPlatform repository in the workspace from its .worker-platform/spec.yaml with the installed blueprints; hand-edited files are kept and reported as conflicts.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'The repository inside the workspace; the workspace root by default',
            ),
      },
      output: {
        summary: z =>
          z
            .object({
              added: z.array(z.string()),
              updated: z.array(z.string()),
              removed: z.array(z.string()),
              conflicts: z.array(z.string()),
              unchanged: z.array(z.string()),
              ciOwned: z
                .array(z.string())
                .describe('Image pins CI owns, left as CI wrote them'),
            })
            .describe(
              'What happened to each file; conflicts are hand-edited files left as they were',
            ),
        summaryMarkdown: z =>
          z.string().describe('The summary as Markdown, e.g. for a PR body'),
      },
    },
    async handler(ctx) {
      const repoDir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.targetPath,
        'targetPath',
      );
      const upgrade = async () =>
        plainSummary(
          (
            await runReRender(
              () =>
                upgradeRepository(repoDir, {
                  dryRun: ctx.isDryRun,
                  specDefaults: options.specDefaults,
                }),
              ctx.logger,
            )
          ).summary,
        );
      const summary = ctx.isDryRun
        ? await upgrade()
        : await ctx.checkpoint({
            key: `worker-platform.upgrade.${
              path.relative(ctx.workspacePath, repoDir) || '.'
            }`,
            fn: upgrade,
          });

      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: upgrade would change' : 'Upgraded'}: ${
          summary.added.length
        } added, ${summary.updated.length} updated, ${
          summary.removed.length
        } removed, ${summary.conflicts.length} conflict(s)`,
      );
      ctx.output('summary', summary);
      ctx.output('summaryMarkdown', changeSummaryMarkdown(summary));
    },
  });
}
