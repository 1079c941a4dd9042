import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatSpecErrors,
  parseSpec,
  SpecDefaults,
  validateSpec,
} from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  validateRepository,
  withRenderManifest,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
import path from 'node:path';
import { componentRefOf } from './componentRef';
import { examples } from './render.examples';
import { resolveWorkspacePath } from './workspacePath';
import { assertNoErrorFindings } from './validateReport';

/** Where the rendered repository keeps its Component descriptor. */
const CATALOG_INFO_FILE = 'catalog-info.yaml';

/** Options of {@link createRenderAction}. @public */
export interface RenderActionOptions {
  /**
   * The organisation's values for the fields a spec may leave out
   * (`workerPlatform.defaults`); none by default.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Creates the `worker-platform:render` action: validates a `WorkerPlatform`
 * spec, renders the whole deployment repository and writes it into the
 * workspace, all or nothing. The rendered `.worker-platform/spec.yaml`
 * records the values the defaults gave.
 *
 * @public
 */
export function createRenderAction(options: RenderActionOptions = {}) {
  return createTemplateAction({
    id: 'worker-platform:render',
    description:
      'Renders a deployment repository (Dockerfiles, Kubernetes, ArgoCD, CI, app skeleton, catalog-info.yaml) from a WorkerPlatform spec into the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: z =>
          z
            .union([z.string(), z.record(z.unknown())])
            .describe(
              'The WorkerPlatform spec (apiVersion worker-platform.io/v1alpha1), as an object or as YAML text',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace directory to render into, created if missing; the workspace root by default. It must be empty.',
            ),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Every rendered file, relative to targetPath, sorted'),
        entityName: z =>
          z.string().describe('metadata.name of the service and its Component'),
        entityRef: z =>
          z.string().describe('The Component the repository describes'),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              'The Component descriptor inside the rendered repository, as catalog:register expects it',
            ),
      },
    },
    async handler(ctx) {
      const result =
        typeof ctx.input.spec === 'string'
          ? parseSpec(ctx.input.spec, options.specDefaults)
          : validateSpec(ctx.input.spec, options.specDefaults);
      if (!result.ok) {
        throw new InputError(
          `The WorkerPlatform spec has ${
            result.errors.length
          } error(s):\n${formatSpecErrors(result.errors)}`,
        );
      }
      const targetDir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.targetPath,
        'targetPath',
      );
      // The manifest lets a later re-render tell generated files from edited ones.
      const files = withRenderManifest(
        renderRepository(result.spec),
        result.spec,
      );
      const name = result.spec.metadata.name;
      const entityRef = componentRefOf(files, CATALOG_INFO_FILE);
      assertNoErrorFindings(
        await validateRepository(files),
        `The repository rendered for ${name}`,
        ctx.logger,
      );

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would write ${files.size} files for ${name}`);
      } else {
        // After a recovered task the files are already there; writing again
        // would find the target non-empty and fail the retried step.
        await ctx.checkpoint({
          key: `worker-platform.render.${
            path.relative(ctx.workspacePath, targetDir) || '.'
          }`,
          fn: async () => {
            await writeRepository(targetDir, files);
          },
        });
        ctx.logger.info(`Rendered ${files.size} files for ${name}`);
      }

      ctx.output('files', [...files.keys()].sort());
      ctx.output('entityName', name);
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoPath', `/${CATALOG_INFO_FILE}`);
    },
  });
}
