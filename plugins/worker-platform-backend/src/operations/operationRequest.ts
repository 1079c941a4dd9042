import { InputError } from '@backstage/errors';
import {
  DEPLOY_OPERATIONS,
  DeployOperationRequest,
  isArgoCdOperation,
} from '@worker-platform/plugin-worker-platform-common';
import { z } from 'zod';

const dnsName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
    error: 'must be a Kubernetes name (lower-case letters, digits, "-", ".")',
  });

/** The body of `POST /operations/...`, checked field by field. */
export const deployOperationRequestSchema = z
  .strictObject({
    environment: dnsName,
    operation: z.enum(DEPLOY_OPERATIONS as [string, ...string[]], {
      error: `must be one of ${DEPLOY_OPERATIONS.join(', ')}`,
    }),
    application: dnsName.optional(),
    worker: dnsName.optional(),
    revision: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
        error: 'must be a git revision (a SHA, branch or tag)',
      })
      .optional(),
    prune: z.boolean().optional(),
    historyId: z.number().int().min(0).optional(),
    replicas: z.number().int().min(0).max(1000).optional(),
    dryRun: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const argo = isArgoCdOperation(value.operation as any);
    const need = (field: string, why: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: why });
    if (argo && !value.application) {
      need('application', `is required for ${value.operation}`);
    }
    if (!argo && !value.worker) {
      need('worker', `is required for ${value.operation}`);
    }
    if (argo && value.worker !== undefined) {
      need('worker', `is for pause and resume, not ${value.operation}`);
    }
    if (!argo && value.application !== undefined) {
      need('application', `is for ArgoCD operations, not ${value.operation}`);
    }
    if (value.operation === 'rollback' && value.historyId === undefined) {
      need('historyId', 'is required for rollback');
    }
    if (value.operation !== 'rollback' && value.historyId !== undefined) {
      need('historyId', 'is for rollback only');
    }
    if (value.revision !== undefined && value.operation !== 'sync') {
      need('revision', 'is for sync only');
    }
    if (
      value.prune !== undefined &&
      !['sync', 'rollback'].includes(value.operation)
    ) {
      need('prune', 'is for sync and rollback only');
    }
    if (value.replicas !== undefined && value.operation !== 'pause') {
      need('replicas', 'is for pause only');
    }
  });

/**
 * Parses an operation request; bad input is an `InputError` whose message
 * starts with the field's name (`historyId: is required for rollback`).
 */
export function parseOperationRequest(body: unknown): DeployOperationRequest {
  const parsed = deployOperationRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'body';
    const message =
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: unknown field`
        : `${field}: ${
            issue.code === 'invalid_type' && issue.input === undefined
              ? 'is required'
              : issue.message
          }`;
    throw new InputError(message);
  }
  return parsed.data as DeployOperationRequest;
}
