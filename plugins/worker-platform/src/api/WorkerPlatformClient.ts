import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';
import type { WorkerPlatformApi } from './WorkerPlatformApi';

/**
 * Talks to the worker-platform backend's status route,
 * `GET /api/worker-platform/status/:kind/:namespace/:name`.
 *
 * @public
 */
export class WorkerPlatformClient implements WorkerPlatformApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityDeployStatus(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDeployStatus> {
    const baseUrl = await this.discoveryApi.getBaseUrl('worker-platform');
    const path = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    const response = await this.fetchApi.fetch(`${baseUrl}/status/${path}`, {
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityDeployStatus;
  }
}
