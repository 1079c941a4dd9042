import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';

/** Options of {@link createPolicyPermissionsService}. */
export interface PolicyPermissionsServiceOptions {
  policy: PermissionPolicy;
  /** A user's ownership refs (the user and their groups); just the user by default. */
  ownershipOf?: (userEntityRef: string) => string[];
}

/**
 * A permissions service that asks a {@link PermissionPolicy} in process, the
 * way the permission backend would: users get the policy's decision
 * (conditional ones included), backend services are allowed (as Backstage's
 * `ServerPermissionClient` allows service-to-service calls), anyone else is
 * denied. For tests of routes and actions under a real policy.
 */
export function createPolicyPermissionsService(
  options: PolicyPermissionsServiceOptions,
): PermissionsService {
  const decide = async (
    permission: Permission,
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> => {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    if (principal.type === 'service') return { result: AuthorizeResult.ALLOW };
    if (principal.type !== 'user' || !principal.userEntityRef) {
      return { result: AuthorizeResult.DENY };
    }
    const userEntityRef = principal.userEntityRef;
    return options.policy.handle(
      { permission },
      {
        credentials,
        info: {
          userEntityRef,
          ownershipEntityRefs: options.ownershipOf?.(userEntityRef) ?? [
            userEntityRef,
          ],
        },
      },
    );
  };
  return {
    async authorizeConditional(queries, { credentials }) {
      return Promise.all(
        queries.map(query => decide(query.permission, credentials)),
      ) as any;
    },
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async request => {
          const decision = await decide(request.permission, credentials);
          // Conditions need the resource; this service has none to apply them to.
          return {
            result:
              decision.result === AuthorizeResult.ALLOW
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          } as const;
        }),
      );
    },
  };
}
