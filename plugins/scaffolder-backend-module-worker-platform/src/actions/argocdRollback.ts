import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './argocdRollback.examples';
import type { DeployOperationActionOptions } from './argocdSync';
import { runDeployOperation } from './runDeployOperation';

/**
 * Creates the `worker-platform:argocd:rollback` action: deploys an entry of
 * an ArgoCD Application's history again (automated sync, which ArgoCD does
 * not allow during a rollback, is switched off in the same change and
 * reported in `autoSyncDisabled`).
 *
 * @public
 */
export function createArgoCdRollbackAction(
  options: DeployOperationActionOptions,
) {
  return createTemplateAction({
    id: 'worker-platform:argocd:rollback',
    description:
      "Rolls one of a service's ArgoCD Applications back to an entry of its history, through the worker-platform backend.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string().describe('The service, e.g. component:default/pingvasai'),
        environment: z =>
          z.string().describe('The environment, e.g. production'),
        application: z =>
          z.string().describe('The Application, e.g. pingvasai-production-api'),
        historyId: z =>
          z
            .number()
            .int()
            .describe(
              "The history entry's id (the Deployments tab shows them)",
            ),
      },
      output: {
        message: z => z.string().describe('What happened'),
        target: z => z.string().describe('The object changed'),
        cluster: z => z.string().describe('Its cluster'),
        dryRun: z => z.boolean().describe('Nothing was changed'),
        unchanged: z => z.boolean().describe('It already was as asked'),
        autoSyncDisabled: z =>
          z
            .boolean()
            .optional()
            .describe('Automated sync was switched off for the rollback'),
      },
    },
    async handler(ctx) {
      const { entityRef, environment, application, historyId } = ctx.input;
      await runDeployOperation(ctx, options.operations, entityRef, {
        environment,
        operation: 'rollback',
        application,
        historyId,
      });
    },
  });
}
