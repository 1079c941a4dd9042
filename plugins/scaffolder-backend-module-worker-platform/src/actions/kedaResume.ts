import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { DeployOperationActionOptions } from './argocdSync';
import { examples } from './kedaResume.examples';
import { runDeployOperation } from './runDeployOperation';

/**
 * Creates the `worker-platform:keda:resume` action: resumes KEDA autoscaling
 * of one worker pool in one environment.
 *
 * @public
 */
export function createKedaResumeAction(options: DeployOperationActionOptions) {
  return createTemplateAction({
    id: 'worker-platform:keda:resume',
    description:
      "Resumes KEDA autoscaling of one of a service's worker pools in one environment, through the worker-platform backend.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string().describe('The service, e.g. component:default/pingvasai'),
        environment: z => z.string().describe('The environment, e.g. staging'),
        worker: z => z.string().describe('The worker pool, e.g. gpu'),
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
      const { entityRef, environment, worker } = ctx.input;
      await runDeployOperation(ctx, options.operations, entityRef, {
        environment,
        operation: 'resume',
        worker,
      });
    },
  });
}
