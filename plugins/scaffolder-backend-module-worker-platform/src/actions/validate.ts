import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { validateRepository } from '@worker-platform/plugin-worker-platform-node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { examples } from './validate.examples';
import { assertNoErrorFindings } from './validateReport';
import { resolveWorkspacePath } from './workspacePath';

/** Options of {@link createValidateAction}. @public */
export interface ValidateActionOptions {
  /**
   * The organisation's values for the fields a spec may leave out
   * (`workerPlatform.defaults`); the repository's stored spec is read with them, as upgrade reads it; none by default.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Creates the `worker-platform:validate` action: checks a deployment
 * repository in the workspace (kustomize builds, schemas, workflows,
 * Dockerfiles, cross-file rules) and fails the step when any finding is an
 * error. It only reads, so a dry run validates for real.
 *
 * @public
 */
export function createValidateAction(options: ValidateActionOptions = {}) {
  return createTemplateAction({
    id: 'worker-platform:validate',
    description:
      'Validates a WorkerPlatform deployment repository in the workspace and fails the step with a report when anything would not deploy as intended.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace directory holding the repository; the workspace root by default',
            ),
      },
      output: {
        findings: z =>
          z
            .array(
              z.object({
                file: z.string(),
                line: z.number().optional(),
                rule: z.string(),
                severity: z.enum(['error', 'warning']),
                message: z.string(),
              }),
            )
            .describe('Every finding (only warnings when the step succeeds)'),
        warnings: z => z.number().describe('How many findings are warnings'),
      },
    },
    async handler(ctx) {
      const dir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.path,
        'path',
      );
      const relative = path.relative(ctx.workspacePath, dir) || '.';
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat?.isDirectory()) {
        throw new InputError(
          `path "${relative}" is not a directory in the workspace`,
        );
      }
      const findings = await validateRepository(dir, {
        specDefaults: options.specDefaults,
      });
      ctx.output('findings', findings);
      ctx.output(
        'warnings',
        findings.filter(f => f.severity === 'warning').length,
      );
      assertNoErrorFindings(
        findings,
        `The repository in ${relative}`,
        ctx.logger,
      );
      ctx.logger.info(`Validated ${relative}: no errors`);
    },
  });
}
