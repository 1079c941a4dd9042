import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { workerPlatformEnvironmentResourceRef } from './resource';

/** Allows when one of the claims (a user's ownership refs) owns the service. */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow when the service is owned by one of the given entity refs (usually the user and their groups)',
  resourceRef: workerPlatformEnvironmentResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs, e.g. the user and their groups'),
  }),
  apply: (resource, { claims }) =>
    resource.owners.some(owner => claims.includes(owner)),
  toQuery: ({ claims }) => ({ property: 'owners', values: claims }),
});

/** Allows when the environment is one of the given names. */
export const isEnvironment = createPermissionRule({
  name: 'IS_ENVIRONMENT',
  description: 'Allow when the environment is one of the given names',
  resourceRef: workerPlatformEnvironmentResourceRef,
  paramsSchema: z.object({
    environments: z
      .array(z.string())
      .describe('Environment names, e.g. production'),
  }),
  apply: (resource, { environments }) =>
    environments.includes(resource.environment),
  toQuery: ({ environments }) => ({
    property: 'environment',
    values: environments,
  }),
});

/**
 * Every rule of the service-environment resource type.
 *
 * @public
 */
export const workerPlatformEnvironmentRules = { isEntityOwner, isEnvironment };

const exports = createConditionExports({
  resourceRef: workerPlatformEnvironmentResourceRef,
  rules: workerPlatformEnvironmentRules,
});

/**
 * Conditions a permission policy can return for worker-platform permissions:
 * `isEntityOwner({ claims })` and `isEnvironment({ environments })`.
 *
 * @public
 */
export const workerPlatformEnvironmentConditions = exports.conditions;

/**
 * Builds a conditional decision for a worker-platform permission.
 *
 * @public
 */
export const createWorkerPlatformEnvironmentConditionalDecision =
  exports.createConditionalDecision;
