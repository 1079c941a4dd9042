import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  ENVIRONMENT_LABEL,
  KUBERNETES_ID_LABEL,
  RegistrationClusterClient,
  RegistrationClusterSummary,
  RegistrationObject,
  RegistrationReport,
  registerWithArgoCd,
  workerPlatformArgoCdRegisterPermission,
} from '@worker-platform/plugin-worker-platform-common';
import type { Request } from 'express';
import { authorizeEnvironments } from '../permissions/authorizeEnvironment';
import { describePrincipal } from '../permissions/principal';
import {
  environmentResource,
  WorkerPlatformEnvironmentResource,
} from '../permissions/resource';
import { RegistrationCluster } from './registrationClusters';

/** Options of {@link ArgoCdRegistrationService}. */
export interface ArgoCdRegistrationServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<WorkerPlatformEnvironmentResource>;
  auditor: AuditorService;
  /** The clusters `workerPlatform.argocd.registration.clusters` allows. */
  clusters: Map<string, RegistrationCluster>;
  clientFor(cluster: RegistrationCluster): RegistrationClusterClient;
}

/** One registration request, as the route parsed it. */
export interface RegistrationRequest {
  entity: CompoundEntityRef;
  /** Optional when exactly one cluster is open for registration. */
  cluster?: string;
  objects: RegistrationObject[];
  dryRun: boolean;
  credentials: BackstageCredentials;
  httpRequest?: Request;
}

/**
 * Registers a service's AppProject and Applications with the ArgoCD of an
 * allowed cluster, for a user: the registration permission on every
 * environment the Applications belong to (a service not yet in the catalog
 * has no owners, so the policy decides on the user alone), then the guards,
 * the dry run and the apply of `registerWithArgoCd`. Each attempt is one
 * `argocd-registration` audit event.
 */
export class ArgoCdRegistrationService {
  constructor(private readonly options: ArgoCdRegistrationServiceOptions) {}

  /** The clusters open for registration, in configuration order. */
  listClusters(): RegistrationClusterSummary[] {
    return [...this.options.clusters].map(([name, allowed]) => ({
      name,
      namespace: allowed.namespace,
    }));
  }

  async register(request: RegistrationRequest): Promise<RegistrationReport> {
    const entityRef = stringifyEntityRef(request.entity);
    const environments = [
      ...new Set(
        request.objects
          .filter(o => o.kind === 'Application')
          .map(o => o.metadata?.labels?.[ENVIRONMENT_LABEL] ?? ''),
      ),
    ].sort();
    const event = await this.options.auditor.createEvent({
      eventId: 'argocd-registration',
      severityLevel: 'medium',
      request: request.httpRequest,
      meta: {
        actor: describePrincipal(request.credentials),
        entityRef,
        cluster: request.cluster ?? '',
        environments,
        objects: request.objects.map(o => `${o.kind}/${o.metadata?.name}`),
        dryRun: request.dryRun,
      },
    });
    try {
      const clusterName = this.clusterName(request.cluster);
      const allowed = this.options.clusters.get(clusterName);
      if (!allowed) {
        throw new InputError(
          `cluster: ${clusterName} is not open for registration; allowed: ${this.allowedNames()} (workerPlatform.argocd.registration.clusters)`,
        );
      }
      const entity = await this.options.catalog.getEntityByRef(request.entity, {
        credentials: request.credentials,
      });
      await this.authorize(entity, entityRef, environments, request);
      const report = await registerWithArgoCd({
        target: {
          service:
            entity?.metadata.annotations?.[KUBERNETES_ID_LABEL] ??
            request.entity.name,
          cluster: clusterName,
          namespace: allowed.namespace,
        },
        objects: request.objects,
        client: this.options.clientFor(allowed),
        dryRun: request.dryRun,
      });
      const resultMeta = {
        result: report.result,
        outcomes: report.objects.map(o => `${o.outcome} ${o.kind}/${o.name}`),
      };
      if (['refused', 'conflict', 'failed'].includes(report.result)) {
        await event.fail({
          error: new Error(`registration ${report.result}`),
          meta: resultMeta,
        });
      } else {
        await event.success({ meta: resultMeta });
      }
      return report;
    } catch (error) {
      await event.fail({
        error: error as Error,
        meta: { result: auditResultOf(error) },
      });
      throw error;
    }
  }

  /** The named cluster, or the only one open for registration. */
  private clusterName(requested: string | undefined): string {
    if (requested) return requested;
    const names = [...this.options.clusters.keys()];
    if (names.length === 1) return names[0];
    throw new InputError(
      `cluster: is required when ${
        names.length === 0 ? 'no cluster is' : 'several clusters are'
      } open for registration; allowed: ${this.allowedNames()} (workerPlatform.argocd.registration.clusters)`,
    );
  }

  private allowedNames(): string {
    return [...this.options.clusters.keys()].join(', ') || 'none';
  }

  private async authorize(
    entity: Entity | undefined,
    entityRef: string,
    environments: string[],
    request: RegistrationRequest,
  ) {
    const resources = (environments.length > 0 ? environments : ['']).map(
      environment =>
        entity
          ? environmentResource(entity, environment)
          : { entityRef, environment, owners: [] },
    );
    const decisions = await authorizeEnvironments({
      permissions: this.options.permissions,
      ruleset: this.options.ruleset,
      credentials: request.credentials,
      permission: workerPlatformArgoCdRegisterPermission,
      resources,
    });
    const denied = resources
      .filter((_, index) => !decisions[index])
      .map(r => r.environment || 'the AppProject');
    if (denied.length > 0) {
      throw new NotAllowedError(
        `worker-platform.argocd.register is not granted for ${entityRef} in ${denied.join(
          ', ',
        )}`,
      );
    }
  }
}

function auditResultOf(error: unknown): string {
  if (error instanceof NotAllowedError) return 'denied';
  if (error instanceof InputError) return 'invalid';
  return 'failed';
}
