import {
  WorkerPlatformEnvironmentPermission,
  workerPlatformArgoCdRollbackPermission,
  workerPlatformArgoCdSyncPermission,
  workerPlatformKedaScalingPermission,
} from '../permissions';

/**
 * The day-2 operations on an ArgoCD Application.
 *
 * @public
 */
export const ARGOCD_OPERATIONS = [
  'refresh',
  'sync',
  'terminate',
  'rollback',
  'enable-auto-sync',
] as const;

/**
 * The day-2 operations on a worker pool's KEDA ScaledObject.
 *
 * @public
 */
export const KEDA_OPERATIONS = ['pause', 'resume'] as const;

/**
 * An ArgoCD operation.
 *
 * @public
 */
export type ArgoCdOperationName = (typeof ARGOCD_OPERATIONS)[number];
/**
 * A KEDA operation.
 *
 * @public
 */
export type KedaOperationName = (typeof KEDA_OPERATIONS)[number];
/**
 * Any operation of `POST /api/worker-platform/operations/...`.
 *
 * @public
 */
export type DeployOperationName = ArgoCdOperationName | KedaOperationName;

/**
 * Every operation, ArgoCD's first.
 *
 * @public
 */
export const DEPLOY_OPERATIONS: readonly DeployOperationName[] = [
  ...ARGOCD_OPERATIONS,
  ...KEDA_OPERATIONS,
];

/**
 * Whether an operation acts on an ArgoCD Application (else on a KEDA ScaledObject).
 *
 * @public
 */
export function isArgoCdOperation(
  operation: DeployOperationName,
): operation is ArgoCdOperationName {
  return (ARGOCD_OPERATIONS as readonly string[]).includes(operation);
}

/**
 * The permission an operation needs: one per operation family.
 *
 * @public
 */
export function permissionForOperation(
  operation: DeployOperationName,
): WorkerPlatformEnvironmentPermission {
  switch (operation) {
    case 'rollback':
      return workerPlatformArgoCdRollbackPermission;
    case 'pause':
    case 'resume':
      return workerPlatformKedaScalingPermission;
    default:
      return workerPlatformArgoCdSyncPermission;
  }
}

/**
 * The body of `POST /api/worker-platform/operations/:kind/:namespace/:name`.
 *
 * @public
 */
export interface DeployOperationRequest {
  environment: string;
  operation: DeployOperationName;
  /** The Application's name, for ArgoCD operations. */
  application?: string;
  /** The pool's name, for KEDA operations. */
  worker?: string;
  /** `sync`: the git revision to sync to (the Application's target when omitted). */
  revision?: string;
  /** `sync`: delete resources no longer in git. */
  prune?: boolean;
  /** `rollback`: the `id` of the history entry to return to. */
  historyId?: number;
  /** `pause`: hold the pool at this many replicas (at its current count when omitted). */
  replicas?: number;
  /** Check everything and ask the cluster to validate the change, without making it. */
  dryRun?: boolean;
}

/**
 * What an operation did, as the 202 response and the actions report it.
 *
 * @public
 */
export interface DeployOperationResult {
  operation: DeployOperationName;
  /** The object changed: `Application argocd/pingvasai-production-workers`. */
  target: {
    kind: 'Application' | 'ScaledObject';
    namespace: string;
    name: string;
  };
  environment: string;
  cluster: string;
  /** True when nothing was changed (the cluster only validated the change). */
  dryRun: boolean;
  /** True when the object already was as asked, so nothing changed. */
  unchanged: boolean;
  /** What happened, in a sentence for people. */
  message: string;
  /**
   * `rollback` only: automated sync was on (ArgoCD refuses a rollback then),
   * so it was switched off in the same change; `enable-auto-sync` restores it.
   */
  autoSyncDisabled?: boolean;
}
