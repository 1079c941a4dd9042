import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './argocdSync.examples';
import { DeployOperationCaller } from './deployOperationClient';
import { runDeployOperation } from './runDeployOperation';

/**
 * Options of the deploy operation actions.
 *
 * @public
 */
export interface DeployOperationActionOptions {
  /** How operations reach the worker-platform backend. */
  operations: DeployOperationCaller;
}

/**
 * Creates the `worker-platform:argocd:sync` action: syncs one of a service's
 * ArgoCD Applications through the worker-platform backend, as the task's
 * initiator (their `worker-platform.argocd.sync` permission applies). A dry
 * run checks permission and target and lets the cluster validate the change.
 *
 * @public
 */
export function createArgoCdSyncAction(options: DeployOperationActionOptions) {
  return createTemplateAction({
    id: 'worker-platform:argocd:sync',
    description:
      "Syncs one of a service's ArgoCD Applications in one environment, optionally to a revision and with pruning, through the worker-platform backend.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string().describe('The service, e.g. component:default/pingvasai'),
        environment: z => z.string().describe('The environment, e.g. staging'),
        application: z =>
          z.string().describe('The Application, e.g. pingvasai-staging-api'),
        revision: z =>
          z
            .string()
            .optional()
            .describe("A git revision; the Application's target by default"),
        prune: z =>
          z.boolean().optional().describe('Delete resources no longer in git'),
      },
      output: {
        message: z => z.string().describe('What happened'),
        target: z => z.string().describe('The object changed'),
        cluster: z => z.string().describe('Its cluster'),
        dryRun: z => z.boolean().describe('Nothing was changed'),
        unchanged: z => z.boolean().describe('It already was as asked'),
      },
    },
    async handler(ctx) {
      const { entityRef, environment, application, revision, prune } =
        ctx.input;
      await runDeployOperation(ctx, options.operations, entityRef, {
        environment,
        operation: 'sync',
        application,
        ...(revision !== undefined ? { revision } : {}),
        ...(prune !== undefined ? { prune } : {}),
      });
    },
  });
}
