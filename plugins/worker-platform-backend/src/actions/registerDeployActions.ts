import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeployOperationName,
  DeployOperationRequest,
} from '@worker-platform/plugin-worker-platform-common';
import { DeployOperationService } from '../operations/DeployOperationService';
import { parseOperationRequest } from '../operations/operationRequest';
import {
  PermittedStatusServices,
  readPermittedStatus,
} from '../service/readPermittedStatus';

/** Options of {@link registerDeployActions}. */
export interface RegisterDeployActionsOptions extends PermittedStatusServices {
  actionsRegistry: ActionsRegistryService;
  operations: DeployOperationService;
}

interface OperationAction {
  name: string;
  title: string;
  description: string;
  operation: DeployOperationName;
  target: 'application' | 'worker';
  idempotent: boolean;
}

/** The operations MCP clients and other automation can run, one action each. */
export const OPERATION_ACTIONS: readonly OperationAction[] = [
  {
    name: 'argocd-refresh',
    title: 'Refresh an ArgoCD Application',
    description:
      "Asks ArgoCD to compare one of a service's Applications with git again. Deploys nothing.",
    operation: 'refresh',
    target: 'application',
    idempotent: true,
  },
  {
    name: 'argocd-sync',
    title: 'Sync an ArgoCD Application',
    description:
      "Syncs one of a service's ArgoCD Applications in one environment, optionally to a revision and with pruning. Refused (409) while another operation runs.",
    operation: 'sync',
    target: 'application',
    idempotent: false,
  },
  {
    name: 'argocd-terminate',
    title: 'Terminate the running ArgoCD operation',
    description:
      "Stops the running sync of one of a service's ArgoCD Applications.",
    operation: 'terminate',
    target: 'application',
    idempotent: true,
  },
  {
    name: 'argocd-rollback',
    title: 'Roll an ArgoCD Application back',
    description:
      "Deploys an entry of the Application's history (historyId, from get-deploy-status) again. Switches automated sync off in the same change when it is on; argocd-enable-auto-sync restores it.",
    operation: 'rollback',
    target: 'application',
    idempotent: false,
  },
  {
    name: 'argocd-enable-auto-sync',
    title: 'Re-enable automated sync after a rollback',
    description:
      'Switches automated sync of an ArgoCD Application back on, with the settings it had before a rollback.',
    operation: 'enable-auto-sync',
    target: 'application',
    idempotent: true,
  },
  {
    name: 'keda-pause',
    title: 'Pause a worker pool',
    description:
      "Pauses KEDA autoscaling of one of a service's worker pools in one environment, at its current replica count or at `replicas`.",
    operation: 'pause',
    target: 'worker',
    idempotent: true,
  },
  {
    name: 'keda-resume',
    title: 'Resume a worker pool',
    description:
      "Resumes KEDA autoscaling of one of a service's worker pools in one environment.",
    operation: 'resume',
    target: 'worker',
    idempotent: true,
  },
];

function entityRefOf(value: string) {
  try {
    return parseEntityRef(value, { defaultKind: 'component' });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

/**
 * Registers the deploy status read and every operation in Backstage's actions
 * registry (and so for MCP clients), under the same permissions, checks and
 * audit events as the HTTP routes: they run with the caller's credentials.
 */
export function registerDeployActions(
  options: RegisterDeployActionsOptions,
): void {
  const { actionsRegistry, operations } = options;

  actionsRegistry.register({
    name: 'get-deploy-status',
    title: "Read a service's deploy status",
    description:
      "The live deploy status of a catalog entity in every environment it may be read in: ArgoCD sync, health, running operation and history (with the ids a rollback names), and each worker pool's KEDA state, replicas and queue depths.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. component:default/pingvasai'),
        }),
      output: z =>
        z.object({
          status: z
            .record(z.string(), z.unknown())
            .describe(
              'The status, as GET /api/worker-platform/status serves it',
            ),
        }),
    },
    examples: [
      {
        title: 'The status of pingvasai',
        input: { entityRef: 'component:default/pingvasai' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: {
        status: (await readPermittedStatus(
          options,
          entityRefOf(input.entityRef),
          credentials,
        )) as unknown as Record<string, unknown>,
      },
    }),
  });

  for (const definition of OPERATION_ACTIONS) {
    actionsRegistry.register({
      name: definition.name,
      title: definition.title,
      description: definition.description,
      attributes: {
        readOnly: false,
        destructive: definition.operation !== 'refresh',
        idempotent: definition.idempotent,
      },
      schema: {
        input: z =>
          z.object({
            entityRef: z
              .string()
              .describe('The entity, e.g. component:default/pingvasai'),
            environment: z.string().describe('The environment, e.g. staging'),
            ...(definition.target === 'application'
              ? {
                  application: z
                    .string()
                    .describe(
                      'The ArgoCD Application, e.g. pingvasai-staging-api',
                    ),
                }
              : {
                  worker: z.string().describe('The worker pool, e.g. gpu'),
                }),
            ...(definition.operation === 'sync'
              ? {
                  revision: z
                    .string()
                    .optional()
                    .describe('A git revision; the target revision by default'),
                  prune: z
                    .boolean()
                    .optional()
                    .describe('Delete resources no longer in git'),
                }
              : {}),
            ...(definition.operation === 'rollback'
              ? {
                  historyId: z
                    .number()
                    .int()
                    .describe('The history entry to deploy again'),
                }
              : {}),
            ...(definition.operation === 'pause'
              ? {
                  replicas: z
                    .number()
                    .int()
                    .min(0)
                    .optional()
                    .describe('Hold the pool at this many replicas'),
                }
              : {}),
            dryRun: z
              .boolean()
              .optional()
              .describe(
                'Check permission and target and let the cluster validate, without changing anything',
              ),
          }),
        output: z =>
          z.object({
            message: z.string().describe('What happened'),
            target: z.string().describe('The object changed'),
            cluster: z.string(),
            dryRun: z.boolean(),
            unchanged: z.boolean().describe('The object already was as asked'),
            autoSyncDisabled: z.boolean().optional(),
          }),
      },
      action: async ({ input, credentials }) => {
        const { entityRef, ...rest } = input as Record<string, unknown>;
        const request: DeployOperationRequest = parseOperationRequest({
          ...rest,
          operation: definition.operation,
        });
        const result = await operations.execute({
          entity: entityRefOf(String(entityRef)),
          request,
          credentials,
        });
        return {
          output: {
            message: result.message,
            target: `${result.target.kind} ${result.target.namespace}/${result.target.name}`,
            cluster: result.cluster,
            dryRun: result.dryRun,
            unchanged: result.unchanged,
            ...(result.autoSyncDisabled !== undefined
              ? { autoSyncDisabled: result.autoSyncDisabled }
              : {}),
          },
        };
      },
    });
  }
}
