import {
  ResourcePermission,
  createPermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type the worker-platform permissions are about: one
 * environment of one service (`component:default/pingvasai` in `production`),
 * so a policy can decide per environment as well as per owner.
 *
 * @public
 */
export const WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE =
  'worker-platform-environment';

/**
 * The resource type of {@link WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE}.
 *
 * @public
 */
export type WorkerPlatformEnvironmentResourceType =
  typeof WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE;

/**
 * A permission about one environment of one service.
 *
 * @public
 */
export type WorkerPlatformEnvironmentPermission =
  ResourcePermission<WorkerPlatformEnvironmentResourceType>;

/**
 * Read an environment's deploy status (the status route and the read action).
 *
 * @public
 */
export const workerPlatformStatusReadPermission = createPermission({
  name: 'worker-platform.status.read',
  attributes: { action: 'read' },
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Sync, refresh or terminate an ArgoCD Application, and re-enable its automated sync.
 *
 * @public
 */
export const workerPlatformArgoCdSyncPermission = createPermission({
  name: 'worker-platform.argocd.sync',
  attributes: { action: 'update' },
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Roll an ArgoCD Application back to an entry of its history.
 *
 * @public
 */
export const workerPlatformArgoCdRollbackPermission = createPermission({
  name: 'worker-platform.argocd.rollback',
  attributes: { action: 'update' },
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Pause or resume a worker pool's KEDA autoscaling.
 *
 * @public
 */
export const workerPlatformKedaScalingPermission = createPermission({
  name: 'worker-platform.keda.scaling',
  attributes: { action: 'update' },
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Register a service's AppProject and an environment's Applications with
 * ArgoCD (`worker-platform:argocd:register`). For a service not yet in the
 * catalog the environment has no owners, so only the user decides.
 *
 * @public
 */
export const workerPlatformArgoCdRegisterPermission = createPermission({
  name: 'worker-platform.argocd.register',
  attributes: { action: 'create' },
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Every worker-platform permission, for the permissions registry.
 *
 * @public
 */
export const workerPlatformPermissions: WorkerPlatformEnvironmentPermission[] =
  [
    workerPlatformStatusReadPermission,
    workerPlatformArgoCdSyncPermission,
    workerPlatformArgoCdRollbackPermission,
    workerPlatformKedaScalingPermission,
    workerPlatformArgoCdRegisterPermission,
  ];

const RESOURCE_REF_SEPARATOR = '#';

/**
 * The resourceRef of one environment of one entity, as permission requests
 * carry it: `component:default/pingvasai#production`. `#` cannot occur in an
 * entity ref or an environment name.
 *
 * @public
 */
export function environmentResourceRef(
  entityRef: string,
  environment: string,
): string {
  return `${entityRef}${RESOURCE_REF_SEPARATOR}${environment}`;
}

/**
 * The inverse of {@link environmentResourceRef}; undefined for anything else.
 *
 * @public
 */
export function parseEnvironmentResourceRef(
  resourceRef: string,
): { entityRef: string; environment: string } | undefined {
  const at = resourceRef.lastIndexOf(RESOURCE_REF_SEPARATOR);
  if (at <= 0 || at === resourceRef.length - 1) return undefined;
  return {
    entityRef: resourceRef.slice(0, at),
    environment: resourceRef.slice(at + 1),
  };
}
