import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  DeployOperationRequest,
  DeployOperationResult,
  EntityDeployStatus,
  EntityScalingHistory,
  RegistrationClusterSummary,
} from '@worker-platform/plugin-worker-platform-common';
import type { WorkerPlatformApi } from './WorkerPlatformApi';

/**
 * Talks to the worker-platform backend's routes,
 * `GET /api/worker-platform/status/:kind/:namespace/:name`,
 * `GET /api/worker-platform/history/:kind/:namespace/:name`,
 * `POST /api/worker-platform/operations/:kind/:namespace/:name` and
 * `GET /api/worker-platform/registrations/clusters`.
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
    const response = await this.fetchApi.fetch(
      await this.urlOf('status', entityRef),
      { signal: options?.signal },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityDeployStatus;
  }

  async getEntityScalingHistory(
    entityRef: CompoundEntityRef,
    options?: { environment?: string; minutes?: number; signal?: AbortSignal },
  ): Promise<EntityScalingHistory> {
    const query = new URLSearchParams();
    if (options?.environment) query.set('environment', options.environment);
    query.set('minutes', String(options?.minutes ?? 60));
    const response = await this.fetchApi.fetch(
      `${await this.urlOf('history', entityRef)}?${query}`,
      { signal: options?.signal },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityScalingHistory;
  }

  async runOperation(
    entityRef: CompoundEntityRef,
    request: DeployOperationRequest,
  ): Promise<DeployOperationResult> {
    const response = await this.fetchApi.fetch(
      await this.urlOf('operations', entityRef),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as DeployOperationResult;
  }

  async getRegistrationClusters(options?: {
    signal?: AbortSignal;
  }): Promise<RegistrationClusterSummary[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('worker-platform');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/registrations/clusters`,
      { signal: options?.signal },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as {
      clusters: RegistrationClusterSummary[];
    };
    return body.clusters;
  }

  private async urlOf(route: string, entityRef: CompoundEntityRef) {
    const baseUrl = await this.discoveryApi.getBaseUrl('worker-platform');
    const path = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    return `${baseUrl}/${route}/${path}`;
  }
}
