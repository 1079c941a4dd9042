import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  ConflictError,
  CustomErrorBase,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  DeployOperationRequest,
  DeployOperationResult,
  ENVIRONMENT_LABEL,
  isArgoCdOperation,
  KUBERNETES_ID_LABEL,
  permissionForOperation,
  WORKER_LABEL,
} from '@worker-platform/plugin-worker-platform-common';
import { Request } from 'express';
import { EntityAccess } from '../permissions/EntityAccess';
import { describePrincipal } from '../permissions/principal';
import { ownersOf } from '../permissions/resource';
import { EntityStatusProvider } from '../service/DeployStatusService';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { APPLICATIONS, SCALED_OBJECTS } from '../watch/resources';
import { planArgoCdOperation } from './argoCdOperations';
import {
  ClusterObjectClient,
  ClusterRequestError,
} from './ClusterObjectClient';
import { planKedaOperation } from './kedaOperations';

/** The cluster refused a change: a 502 carrying the cluster's own message. */
export class ClusterRefusedError extends CustomErrorBase {
  name = 'ClusterRefusedError' as const;
  readonly statusCode = 502;
}

/**
 * Options of {@link DeployOperationService}.
 *
 * @public
 */
export interface DeployOperationServiceOptions {
  access: EntityAccess;
  status: EntityStatusProvider;
  /** The object client of a cluster by name; undefined for an unknown cluster. */
  clientFor(cluster: string): ClusterObjectClient | undefined;
  auditor: AuditorService;
  logger: LoggerService;
  /** Owners hear about operations on these environments; `production` by default. */
  notifications?: NotificationService;
  productionEnvironments?: string[];
}

/**
 * One operation request, with who asked.
 *
 * @public
 */
export interface ExecuteOperationOptions {
  entity: CompoundEntityRef;
  request: DeployOperationRequest;
  credentials: BackstageCredentials;
  /** The HTTP request, when there is one, for the audit event. */
  httpRequest?: Request;
}

interface Target {
  kind: 'Application' | 'ScaledObject';
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * Runs day-2 operations (ArgoCD refresh, sync, terminate, rollback,
 * enable-auto-sync; KEDA pause, resume) with the plugin's own cluster
 * credentials, after the caller's permission for that environment was
 * granted and the target proved to belong to the entity. Every attempt,
 * allowed or not, is an audit event; operations on production tell the
 * entity's owners.
 *
 * @public
 */
export class DeployOperationService {
  private readonly production: string[];

  constructor(private readonly options: DeployOperationServiceOptions) {
    this.production = options.productionEnvironments ?? ['production'];
  }

  async execute(
    options: ExecuteOperationOptions,
  ): Promise<DeployOperationResult> {
    const { request, credentials } = options;
    const actor = describePrincipal(credentials);
    const production = this.production.includes(request.environment);
    const event = await this.options.auditor.createEvent({
      eventId: 'deploy-operation',
      severityLevel: production ? 'high' : 'medium',
      request: options.httpRequest,
      meta: {
        actor,
        entityRef:
          `${options.entity.kind}:${options.entity.namespace}/${options.entity.name}`.toLocaleLowerCase(
            'en-US',
          ),
        environment: request.environment,
        operation: request.operation,
        target: request.application ?? request.worker ?? null,
        dryRun: request.dryRun ?? false,
      },
    });
    try {
      const result = await this.run(options, actor);
      await event.success({
        meta: {
          cluster: result.cluster,
          target: `${result.target.kind} ${result.target.namespace}/${result.target.name}`,
          result: outcomeOf(result),
          message: result.message,
        },
      });
      return result;
    } catch (error) {
      await event.fail({
        error: error as Error,
        meta: {
          result:
            (error as Error).name === 'NotAllowedError' ? 'denied' : 'failed',
        },
      });
      throw error;
    }
  }

  private async run(
    options: ExecuteOperationOptions,
    actor: string,
  ): Promise<DeployOperationResult> {
    const { request, credentials } = options;
    const { entity, entityRef, kubernetesId } = await this.options.access.load(
      options.entity,
      credentials,
    );
    const [allowed] = await this.options.access.allowed(
      entity,
      [request.environment],
      permissionForOperation(request.operation),
      credentials,
    );
    if (!allowed) {
      throw new NotAllowedError(
        `${actor} may not ${request.operation} in ${request.environment} of ${entityRef}`,
      );
    }
    const target = this.locate(entityRef, kubernetesId, request);
    const client = this.options.clientFor(target.cluster);
    if (!client) {
      throw new NotFoundError(`Cluster ${target.cluster} is not configured`);
    }
    const resource =
      target.kind === 'Application' ? APPLICATIONS : SCALED_OBJECTS;
    const live = await this.call(() =>
      client.get(resource, target.namespace, target.name),
    );
    const describe = `${target.kind} ${target.namespace}/${target.name}`;
    if (!live) {
      throw new NotFoundError(
        `${describe} no longer exists in ${target.cluster}`,
      );
    }
    this.checkBelongs(live, describe, entityRef, kubernetesId, request);
    const plan = isArgoCdOperation(request.operation)
      ? planArgoCdOperation(
          live,
          {
            operation: request.operation,
            revision: request.revision,
            prune: request.prune,
            historyId: request.historyId,
          },
          { name: actor },
        )
      : planKedaOperation(live, {
          operation: request.operation,
          replicas: request.replicas,
        });
    const dryRun = request.dryRun ?? false;
    if (plan.patch) {
      await this.call(() =>
        client.patch({
          resource,
          namespace: target.namespace,
          name: target.name,
          type: plan.patch!.type,
          body: plan.patch!.body,
          dryRun,
        }),
      );
    }
    const result: DeployOperationResult = {
      operation: request.operation,
      target: {
        kind: target.kind,
        namespace: target.namespace,
        name: target.name,
      },
      environment: request.environment,
      cluster: target.cluster,
      dryRun,
      unchanged: !plan.patch,
      message: dryRun && plan.patch ? `Dry run: ${plan.message}` : plan.message,
      ...(plan.autoSyncDisabled !== undefined
        ? { autoSyncDisabled: plan.autoSyncDisabled }
        : {}),
    };
    if (
      plan.patch &&
      !dryRun &&
      this.production.includes(request.environment)
    ) {
      await this.notifyOwners(entity, entityRef, actor, result);
    }
    return result;
  }

  /** The target from the watch cache, within the entity's environment only. */
  private locate(
    entityRef: string,
    kubernetesId: string,
    request: DeployOperationRequest,
  ): Target {
    const status = this.options.status.getStatus(entityRef, kubernetesId);
    const environment = status.environments.find(
      e => e.name === request.environment,
    );
    if (!environment) {
      throw new NotFoundError(
        `${entityRef} has no environment ${request.environment} (it has ${
          status.environments.map(e => e.name).join(', ') || 'none'
        })`,
      );
    }
    if (isArgoCdOperation(request.operation)) {
      const app = environment.applications.find(
        a => a.name === request.application,
      );
      if (!app) {
        throw new NotFoundError(
          `${entityRef} has no Application ${request.application} in ${request.environment}`,
        );
      }
      return {
        kind: 'Application',
        cluster: app.cluster,
        namespace: app.namespace,
        name: app.name,
      };
    }
    const pool = environment.workers.find(w => w.name === request.worker);
    if (!pool) {
      throw new NotFoundError(
        `${entityRef} has no worker pool ${request.worker} in ${request.environment}`,
      );
    }
    return {
      kind: 'ScaledObject',
      cluster: pool.cluster,
      namespace: pool.namespace,
      name: pool.scaledObject,
    };
  }

  /** Refuses an object whose live labels tie it to another service, environment or pool. */
  private checkBelongs(
    live: RawKubernetesObject,
    describe: string,
    entityRef: string,
    kubernetesId: string,
    request: DeployOperationRequest,
  ): void {
    const labels = live.metadata?.labels ?? {};
    const belongs =
      labels[KUBERNETES_ID_LABEL] === kubernetesId &&
      labels[ENVIRONMENT_LABEL] === request.environment &&
      (request.worker === undefined ||
        labels[WORKER_LABEL] === undefined ||
        labels[WORKER_LABEL] === request.worker);
    if (!belongs) {
      throw new NotFoundError(
        `${describe} does not belong to ${request.environment} of ${entityRef}; refusing to change it`,
      );
    }
  }

  /** A cluster call, its refusals mapped to our status codes. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ClusterRequestError)) throw error;
      if (error.status === 409) {
        throw new ConflictError(
          `The object changed meanwhile, try again: ${error.message}`,
        );
      }
      throw new ClusterRefusedError(
        `The cluster refused: ${error.message}${
          error.status ? ` (HTTP ${error.status})` : ''
        }`,
      );
    }
  }

  private async notifyOwners(
    entity: Entity,
    entityRef: string,
    actor: string,
    result: DeployOperationResult,
  ): Promise<void> {
    const owners = ownersOf(entity);
    if (!this.options.notifications || owners.length === 0) return;
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: owners },
        payload: {
          title: `${result.operation} in ${result.environment} of ${entity.metadata.name} by ${actor}`,
          description: result.message,
          link: `/catalog/${
            entity.metadata.namespace ?? 'default'
          }/${entity.kind.toLocaleLowerCase('en-US')}/${
            entity.metadata.name
          }/deployments`,
          severity: 'high',
          topic: 'worker-platform-operations',
        },
      });
    } catch (error) {
      // The change is made; a lost notification must not turn it into a failure.
      this.options.logger.warn(
        `Could not notify the owners of ${entityRef} about ${result.operation}: ${error}`,
      );
    }
  }
}

function outcomeOf(result: DeployOperationResult): string {
  if (result.dryRun) return 'dry-run';
  return result.unchanged ? 'unchanged' : 'applied';
}
