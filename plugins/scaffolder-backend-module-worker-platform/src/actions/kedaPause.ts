import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { DeployOperationActionOptions } from './argocdSync';
import { examples } from './kedaPause.examples';
import { runDeployOperation } from './runDeployOperation';

/**
 * Creates the `worker-platform:keda:pause` action: pauses KEDA autoscaling of
 * one worker pool in one environment, at its current replica count or at
 * `replicas` (KEDA's `autoscaling.keda.sh/paused-replicas`).
 *
 * @public
 */
export function createKedaPauseAction(options: DeployOperationActionOptions) {
  return createTemplateAction({
    id: 'worker-platform:keda:pause',
    description:
      "Pauses KEDA autoscaling of one of a service's worker pools in one environment, through the worker-platform backend.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string().describe('The service, e.g. component:default/pingvasai'),
        environment: z => z.string().describe('The environment, e.g. staging'),
        worker: z => z.string().describe('The worker pool, e.g. gpu'),
        replicas: z =>
          z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Hold the pool at this many replicas'),
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
      const { entityRef, environment, worker, replicas } = ctx.input;
      await runDeployOperation(ctx, options.operations, entityRef, {
        environment,
        operation: 'pause',
        worker,
        ...(replicas !== undefined ? { replicas } : {}),
      });
    },
  });
}
