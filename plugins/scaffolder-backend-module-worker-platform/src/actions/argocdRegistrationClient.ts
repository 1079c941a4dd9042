import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  RegistrationObject,
  RegistrationReport,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * One registration, asked of the worker-platform backend.
 *
 * @public
 */
export interface ArgoCdRegistrationCall {
  entityRef: string;
  /** Omitted: the only cluster open for registration. */
  cluster?: string;
  objects: RegistrationObject[];
  dryRun: boolean;
  credentials: BackstageCredentials;
}

/**
 * Registers objects with ArgoCD through the worker-platform backend, as the given user.
 *
 * @public
 */
export interface ArgoCdRegistrationCaller {
  register(call: ArgoCdRegistrationCall): Promise<RegistrationReport>;
}

/**
 * An {@link ArgoCdRegistrationCaller} over HTTP: cluster credentials stay in
 * the worker-platform backend, which checks the initiator's
 * `worker-platform.argocd.register` permission and audits the registration.
 *
 * @public
 */
export class HttpArgoCdRegistrationCaller implements ArgoCdRegistrationCaller {
  constructor(
    private readonly services: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async register(call: ArgoCdRegistrationCall): Promise<RegistrationReport> {
    let ref;
    try {
      ref = parseEntityRef(call.entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
    } catch (error) {
      throw new InputError(`entityRef: ${(error as Error).message}`);
    }
    const baseUrl = await this.services.discovery.getBaseUrl('worker-platform');
    const { token } = await this.services.auth.getPluginRequestToken({
      onBehalfOf: call.credentials,
      targetPluginId: 'worker-platform',
    });
    const path = [ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    const response = await fetch(`${baseUrl}/registrations/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        cluster: call.cluster,
        objects: call.objects,
        dryRun: call.dryRun,
      }),
    });
    if (response.ok) return (await response.json()) as RegistrationReport;
    let message = `the worker-platform backend answered HTTP ${response.status}`;
    try {
      message = (await response.json()).error?.message ?? message;
    } catch {
      // not a Backstage error body
    }
    if (response.status === 400) throw new InputError(message);
    if (response.status === 403) throw new NotAllowedError(message);
    throw new Error(`${message} (HTTP ${response.status})`);
  }
}
