import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { addEnvironmentToRepository } from '@worker-platform/plugin-worker-platform-node';
import path from 'node:path';
import { examples } from './environmentAdd.examples';
import {
  changeSummaryMarkdown,
  plainSummary,
  runReRender,
} from './reRenderOutput';
import { resolveWorkspacePath } from './workspacePath';

/** Options of {@link createEnvironmentAddAction}. @public */
export interface EnvironmentAddActionOptions {
  /**
   * The organisation's values for the fields a spec may leave out
   * (`workerPlatform.defaults`); they fill only a value removed from the stored spec by hand; none by default.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Creates the `worker-platform:environment:add` action: adds an environment
 * to the spec of a rendered repository in the workspace and re-renders it,
 * leaving hand-edited files as they are.
 *
 * @public
 */
export function createEnvironmentAddAction(
  options: EnvironmentAddActionOptions = {},
) {
  return createTemplateAction({
    id: 'worker-platform:environment:add',
    description:
      'Adds an environment (overlays, ArgoCD Applications, CI/CD entries) to a rendered WorkerPlatform repository in the workspace; hand-edited files are kept and reported as conflicts.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'The new environment, a DNS label such as qa or perf; it names the overlay, namespaces and Applications',
            ),
        copyFrom: z =>
          z
            .string()
            .optional()
            .describe(
              'An existing environment whose autoSync, cluster and overrides the new one starts from',
            ),
        branch: z =>
          z
            .string()
            .optional()
            .describe('The branch ArgoCD deploys from; the name by default'),
        autoSync: z =>
          z.boolean().optional().describe('Whether ArgoCD syncs by itself'),
        cluster: z =>
          z.string().optional().describe('The ArgoCD destination server'),
        namespaces: z =>
          z
            .object({
              service: z.string().optional(),
              worker: z.string().optional(),
            })
            .optional()
            .describe(
              'Namespaces of the API and the workers; <service>-<env>-service and -worker by default',
            ),
        overrides: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'Per-environment overrides (api, workers, config), merged over those copied',
            ),
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
        overlay: z => z.string().describe('The directory of the new overlays'),
        namespaces: z =>
          z
            .object({ service: z.string(), worker: z.string() })
            .describe('The namespaces of the new environment'),
        applications: z =>
          z.array(z.string()).describe('The new ArgoCD Applications'),
      },
    },
    async handler(ctx) {
      const { targetPath, ...addition } = ctx.input;
      const repoDir = resolveWorkspacePath(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );
      const add = async () => {
        const result = await runReRender(
          () =>
            addEnvironmentToRepository(repoDir, addition, {
              dryRun: ctx.isDryRun,
              specDefaults: options.specDefaults,
            }),
          ctx.logger,
        );
        const { overlay, namespaces, applications } = result.environment;
        return {
          summary: plainSummary(result.summary),
          environment: {
            overlay,
            namespaces: { ...namespaces },
            applications,
          },
        };
      };
      const { summary, environment } = ctx.isDryRun
        ? await add()
        : // A recovered task must not re-render over its own first run.
          await ctx.checkpoint({
            key: `worker-platform.environment.add.${
              path.relative(ctx.workspacePath, repoDir) || '.'
            }.${addition.name}`,
            fn: add,
          });

      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: would add' : 'Added'} environment ${
          addition.name
        }: ${summary.added.length} added, ${summary.updated.length} updated, ${
          summary.conflicts.length
        } conflict(s)`,
      );
      ctx.output('summary', summary);
      ctx.output('summaryMarkdown', changeSummaryMarkdown(summary));
      ctx.output('overlay', environment.overlay);
      ctx.output('namespaces', environment.namespaces);
      ctx.output('applications', environment.applications);
    },
  });
}
