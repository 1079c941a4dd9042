import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createWorkerPlatformEnvironmentConditionalDecision as decide,
  workerPlatformEnvironmentConditions as conditions,
} from '@worker-platform/plugin-worker-platform-backend';
import {
  WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
  workerPlatformArgoCdRollbackPermission,
  workerPlatformStatusReadPermission,
} from '@worker-platform/plugin-worker-platform-common';

/** Options of {@link WorkerPlatformExamplePolicy}. */
export interface WorkerPlatformExamplePolicyOptions {
  /** Members of this group may do everything everywhere. */
  platformGroup: string;
  /** Environments only owners (and for rollback, only the platform group) may change. */
  protectedEnvironments: string[];
}

/**
 * An example policy for the worker-platform permissions, used by the app and
 * its e2e tests:
 *
 * - everyone signed in may read deploy status;
 * - members of the platform group may do every operation everywhere;
 * - outside production, anyone signed in may sync, refresh, terminate and
 *   pause or resume pools, and the service's owners may roll back;
 * - in production, the service's owners may sync, refresh, terminate and
 *   pause or resume; nobody but the platform group may roll back.
 *
 * Every other permission is allowed, as the allow-all policy it replaces did.
 */
export class WorkerPlatformExamplePolicy implements PermissionPolicy {
  constructor(private readonly options: WorkerPlatformExamplePolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      !isResourcePermission(
        permission,
        WORKER_PLATFORM_ENVIRONMENT_RESOURCE_TYPE,
      )
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.name === workerPlatformStatusReadPermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.includes(this.options.platformGroup)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const outsideProtected = {
      not: conditions.isEnvironment({
        environments: this.options.protectedEnvironments,
      }),
    };
    const owner = conditions.isEntityOwner({ claims });
    if (permission.name === workerPlatformArgoCdRollbackPermission.name) {
      return decide(permission, { allOf: [outsideProtected, owner] });
    }
    return decide(permission, { anyOf: [outsideProtected, owner] });
  }
}

/**
 * Installs {@link WorkerPlatformExamplePolicy} as the app's permission
 * policy, with `group:default/platform` as the platform group and
 * `production` protected.
 */
export const workerPlatformExamplePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'worker-platform-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(
          new WorkerPlatformExamplePolicy({
            platformGroup: 'group:default/platform',
            protectedEnvironments: ['production'],
          }),
        );
      },
    });
  },
});
