import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  parseEnvironmentResourceRef,
  WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
} from '@worker-platform/plugin-worker-platform-common';
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * What a policy's conditions are evaluated against: one environment of one
 * service, with the service's owners.
 *
 * @public
 */
export interface WorkerPlatformEnvironmentResource {
  /** `component:default/pingvasai` */
  entityRef: string;
  /** `production` */
  environment: string;
  /** The entity's owners as full refs (`group:default/platform`). */
  owners: string[];
}

/**
 * The query form of the rules, for completeness of the permission framework's
 * contract: environments are evaluated in memory, never queried.
 *
 * @public
 */
export type WorkerPlatformEnvironmentQuery = {
  property: 'owners' | 'environment';
  values: string[];
};

/**
 * The permission resource ref of a service environment.
 *
 * @public
 */
export const workerPlatformEnvironmentResourceRef = createPermissionResourceRef<
  WorkerPlatformEnvironmentResource,
  WorkerPlatformEnvironmentQuery
>().with({
  pluginId: 'worker-platform',
  resourceType: WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
});

/** The owners of an entity: its `ownedBy` relations, else its `spec.owner`. */
export function ownersOf(entity: Entity): string[] {
  const related = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef);
  if (related.length > 0) return related;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') return [];
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    ];
  } catch {
    return [];
  }
}

/** The resource for one environment of an entity. */
export function environmentResource(
  entity: Entity,
  environment: string,
): WorkerPlatformEnvironmentResource {
  return {
    entityRef: stringifyEntityRef(entity),
    environment,
    owners: ownersOf(entity),
  };
}

/**
 * Loads environments by resourceRef (`component:default/pingvasai#production`)
 * for the permission framework, with the plugin's own credentials; undefined
 * for a malformed ref or a missing entity.
 */
export async function loadEnvironmentResources(
  resourceRefs: string[],
  services: { catalog: CatalogService; auth: AuthService },
): Promise<Array<WorkerPlatformEnvironmentResource | undefined>> {
  const credentials = await services.auth.getOwnServiceCredentials();
  return Promise.all(
    resourceRefs.map(async resourceRef => {
      const parsed = parseEnvironmentResourceRef(resourceRef);
      if (!parsed) return undefined;
      const entity = await services.catalog.getEntityByRef(parsed.entityRef, {
        credentials,
      });
      return entity
        ? environmentResource(entity, parsed.environment)
        : undefined;
    }),
  );
}
