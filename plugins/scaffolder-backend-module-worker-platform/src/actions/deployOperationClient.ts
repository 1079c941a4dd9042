import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  DeployOperationRequest,
  DeployOperationResult,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * Runs an operation through the worker-platform backend, as the given user.
 *
 * @public
 */
export interface DeployOperationCaller {
  run(options: {
    entityRef: string;
    request: DeployOperationRequest;
    credentials: BackstageCredentials;
  }): Promise<DeployOperationResult>;
}

/**
 * A {@link DeployOperationCaller} over HTTP: the scaffolder holds no cluster
 * credentials, so it asks the worker-platform backend's operations route on
 * behalf of the task's initiator, whose permissions then apply.
 *
 * @public
 */
export class HttpDeployOperationCaller implements DeployOperationCaller {
  constructor(
    private readonly services: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async run(options: {
    entityRef: string;
    request: DeployOperationRequest;
    credentials: BackstageCredentials;
  }): Promise<DeployOperationResult> {
    let ref;
    try {
      ref = parseEntityRef(options.entityRef, { defaultKind: 'component' });
    } catch (error) {
      throw new InputError(`entityRef: ${(error as Error).message}`);
    }
    const baseUrl = await this.services.discovery.getBaseUrl('worker-platform');
    const { token } = await this.services.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'worker-platform',
    });
    const path = [ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    const response = await fetch(`${baseUrl}/operations/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(options.request),
    });
    if (response.ok) {
      return (await response.json()) as DeployOperationResult;
    }
    let message = `the worker-platform backend answered HTTP ${response.status}`;
    try {
      message = (await response.json()).error?.message ?? message;
    } catch {
      // not a Backstage error body
    }
    switch (response.status) {
      case 400:
        throw new InputError(message);
      case 403:
        throw new NotAllowedError(message);
      case 404:
        throw new NotFoundError(message);
      case 409:
        throw new ConflictError(message);
      default:
        throw new Error(`${message} (HTTP ${response.status})`);
    }
  }
}
