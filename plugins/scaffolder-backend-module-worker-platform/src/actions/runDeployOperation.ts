import { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { DeployOperationRequest } from '@worker-platform/plugin-worker-platform-common';
import { DeployOperationCaller } from './deployOperationClient';

/** The outputs every operation action sets. */
export interface DeployOperationOutput {
  [key: string]: unknown;
  message: string;
  target: string;
  cluster: string;
  dryRun: boolean;
  unchanged: boolean;
}

/**
 * Runs one operation for an action: a dry run asks the backend for one too
 * (permission, target and the cluster's validation, no change), and a real
 * run is a checkpoint, so a retried task does not sync twice.
 */
export async function runDeployOperation(
  ctx: ActionContext<any, any>,
  caller: DeployOperationCaller,
  entityRef: string,
  request: DeployOperationRequest,
): Promise<DeployOperationOutput> {
  const dryRun = Boolean(ctx.isDryRun);
  const call = async () => {
    const result = await caller.run({
      entityRef,
      request: { ...request, ...(dryRun ? { dryRun: true } : {}) },
      credentials: await ctx.getInitiatorCredentials(),
    });
    return {
      message: result.message,
      target: `${result.target.kind} ${result.target.namespace}/${result.target.name}`,
      cluster: result.cluster,
      dryRun: result.dryRun,
      unchanged: result.unchanged,
      ...(result.autoSyncDisabled !== undefined
        ? { autoSyncDisabled: result.autoSyncDisabled }
        : {}),
    };
  };
  const output = dryRun
    ? await call()
    : await ctx.checkpoint({
        key: `worker-platform-${request.operation}-${entityRef}-${
          request.environment
        }-${request.application ?? request.worker}`,
        fn: call,
      });
  ctx.logger.info(output.message);
  for (const [name, value] of Object.entries(output)) {
    ctx.output(name, value);
  }
  return output;
}
