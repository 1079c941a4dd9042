import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  DeployOperationRequest,
  DeployOperationResult,
  EntityDeployStatus,
  EntityScalingHistory,
  RegistrationClusterSummary,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * Reads the deploy status the worker-platform backend keeps for an entity.
 *
 * @public
 */
export interface WorkerPlatformApi {
  /**
   * The status of every environment of the entity, from the backend's cache.
   * Rejects with a `ResponseError` when the backend answers with an error.
   */
  getEntityDeployStatus(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDeployStatus>;

  /**
   * Each worker pool's replicas and queue depths over the last `minutes`
   * (60 by default), in every environment the caller may read or only in
   * `environment`.
   */
  getEntityScalingHistory(
    entityRef: CompoundEntityRef,
    options?: { environment?: string; minutes?: number; signal?: AbortSignal },
  ): Promise<EntityScalingHistory>;

  /**
   * Runs a day-2 operation (sync, rollback, pause, …) on one of the entity's
   * Applications or worker pools. Rejects with a `ResponseError` carrying the
   * backend's (or the cluster's) message when it is refused.
   */
  runOperation(
    entityRef: CompoundEntityRef,
    request: DeployOperationRequest,
  ): Promise<DeployOperationResult>;

  /**
   * The clusters ArgoCD registration may apply to
   * (`workerPlatform.argocd.registration.clusters`), each with its ArgoCD
   * namespace; empty when none is configured.
   */
  getRegistrationClusters(options?: {
    signal?: AbortSignal;
  }): Promise<RegistrationClusterSummary[]>;
}

/**
 * The reference apps and tests use to provide a {@link WorkerPlatformApi}.
 *
 * @public
 */
export const workerPlatformApiRef = createApiRef<WorkerPlatformApi>().with({
  id: 'plugin.worker-platform.service',
  pluginId: 'worker-platform',
});
