import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { WorkerPlatformEnvironmentResource } from './resource';

/** Options of {@link authorizeEnvironments}. */
export interface AuthorizeEnvironmentsOptions {
  permissions: PermissionsService;
  ruleset: PermissionRuleset<WorkerPlatformEnvironmentResource>;
  credentials: BackstageCredentials;
  permission: ResourcePermission;
  resources: WorkerPlatformEnvironmentResource[];
}

/**
 * Whether the policy allows a permission on each of some service
 * environments, with one policy request. A conditional decision is evaluated
 * here against the resources in hand, so the permission backend never has to
 * call back to load them.
 */
export async function authorizeEnvironments(
  options: AuthorizeEnvironmentsOptions,
): Promise<boolean[]> {
  const [decision] = await options.permissions.authorizeConditional(
    [{ permission: options.permission }],
    { credentials: options.credentials },
  );
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    return options.resources.map(
      () => decision.result === AuthorizeResult.ALLOW,
    );
  }
  const authorize = createConditionAuthorizer(options.ruleset);
  return options.resources.map(resource => authorize(decision, resource));
}
