import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  ENVIRONMENTS_ANNOTATION,
  KUBERNETES_ID_LABEL,
  parseEnvironmentsAnnotation,
} from '@worker-platform/plugin-worker-platform-common';
import { authorizeEnvironments } from './authorizeEnvironment';
import {
  environmentResource,
  WorkerPlatformEnvironmentResource,
} from './resource';

/**
 * An entity the caller may see, with its Kubernetes id.
 *
 * @public
 */
export interface AccessibleEntity {
  entity: Entity;
  entityRef: string;
  kubernetesId: string;
  /** The spec's environments in spec order, from the Component's annotation; empty without it. */
  environmentOrder: string[];
}

/**
 * Options of {@link EntityAccess}.
 *
 * @public
 */
export interface EntityAccessOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<WorkerPlatformEnvironmentResource>;
}

/**
 * The two questions every route and action asks first: may the caller see
 * this entity (the catalog answers, with the caller's credentials), and may
 * they do this in that environment (the permission policy answers).
 *
 * @public
 */
export class EntityAccess {
  constructor(private readonly options: EntityAccessOptions) {}

  /** The entity, or 404 when it is missing or hidden; 400 without a kubernetes-id. */
  async load(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<AccessibleEntity> {
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    const entityRef = stringifyEntityRef(ref);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const kubernetesId = entity.metadata.annotations?.[KUBERNETES_ID_LABEL];
    if (!kubernetesId) {
      throw new InputError(
        `${entityRef} has no ${KUBERNETES_ID_LABEL} annotation, so no Kubernetes objects are tied to it`,
      );
    }
    return {
      entity,
      entityRef: stringifyEntityRef(entity),
      kubernetesId,
      environmentOrder: parseEnvironmentsAnnotation(
        entity.metadata.annotations?.[ENVIRONMENTS_ANNOTATION],
      ),
    };
  }

  /** Which of the environments the permission is granted on. */
  async allowed(
    entity: Entity,
    environments: string[],
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    if (environments.length === 0) return [];
    return authorizeEnvironments({
      permissions: this.options.permissions,
      ruleset: this.options.ruleset,
      credentials,
      permission,
      resources: environments.map(name => environmentResource(entity, name)),
    });
  }
}
