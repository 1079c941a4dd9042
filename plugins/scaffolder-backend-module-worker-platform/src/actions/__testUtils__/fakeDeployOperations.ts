import type {
  DeployOperationRequest,
  DeployOperationResult,
} from '@worker-platform/plugin-worker-platform-common';
import { DeployOperationCaller } from '../deployOperationClient';

/** A caller that records requests and answers as the backend would. */
export function fakeDeployOperations(): DeployOperationCaller & {
  calls: Array<{ entityRef: string; request: DeployOperationRequest }>;
} {
  const calls: Array<{ entityRef: string; request: DeployOperationRequest }> =
    [];
  return {
    calls,
    async run({ entityRef, request }) {
      calls.push({ entityRef, request });
      const result: DeployOperationResult = {
        operation: request.operation,
        target: request.worker
          ? {
              kind: 'ScaledObject',
              namespace: `pingvasai-${request.environment}-worker`,
              name: `pingvasai-${request.worker}-worker`,
            }
          : {
              kind: 'Application',
              namespace: 'argocd',
              name: request.application!,
            },
        environment: request.environment,
        cluster: 'prod-eu',
        dryRun: request.dryRun ?? false,
        unchanged: false,
        message: `${request.operation} done`,
        ...(request.operation === 'rollback' ? { autoSyncDisabled: true } : {}),
      };
      return result;
    },
  };
}
