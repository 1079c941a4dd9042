import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

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
