import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { RegistrationObject } from '@worker-platform/plugin-worker-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ArgoCdRegistrationService } from './ArgoCdRegistrationService';

const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);

const params = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

const body = z.strictObject({
  cluster: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
  objects: z
    .array(
      z.looseObject({
        apiVersion: z.string().min(1),
        kind: z.string().min(1),
        metadata: z.looseObject({
          name: dnsName,
          namespace: dnsName.optional(),
        }),
      }),
    )
    .min(1)
    .max(200),
});

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Options of {@link createRegistrationRouter}. */
export interface RegistrationRouterOptions {
  httpAuth: HttpAuthService;
  registration: ArgoCdRegistrationService;
}

/**
 * `GET /registrations/clusters`: the clusters open for registration, each
 * with its ArgoCD namespace, for any signed-in user or service (the wizards'
 * cluster picker; names and namespaces only, never credentials).
 *
 * `POST /registrations/:kind/:namespace/:name` with `{ cluster?, objects,
 * dryRun? }` (no cluster: the only one open for registration): registers the entity's ArgoCD objects (a new service's entity
 * need not be in the catalog yet) and answers 200 with the per-object report,
 * whatever its result; 400 naming the field or a cluster not open for
 * registration, 401, 403 when the permission is not granted. Mounted before
 * the main router: a built `argocd/` is larger than an operation.
 */
export async function createRegistrationRouter(
  options: RegistrationRouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.get('/registrations/clusters', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ clusters: options.registration.listClusters() });
  });
  router.post(
    '/registrations/:kind/:namespace/:name',
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const entity = parseOrThrow(params, req.params);
      const credentials = await options.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const request = parseOrThrow(body, req.body);
      const report = await options.registration.register({
        entity: {
          kind: entity.kind.toLocaleLowerCase('en-US'),
          namespace: entity.namespace.toLocaleLowerCase('en-US'),
          name: entity.name.toLocaleLowerCase('en-US'),
        },
        cluster: request.cluster,
        objects: request.objects as RegistrationObject[],
        dryRun: request.dryRun ?? false,
        credentials,
        httpRequest: req,
      });
      res.json(report);
    },
  );
  return router;
}
