import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ID_LABEL } from '@worker-platform/plugin-worker-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityStatusProvider } from './service/DeployStatusService';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  status: EntityStatusProvider;
}

// The characters catalog kinds, namespaces and names may hold.
const refPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'must be letters, digits, ".", "_" or "-"',
  });

const statusParams = z.object({
  kind: refPart,
  namespace: refPart,
  name: refPart,
});

/**
 * `GET /status/:kind/:namespace/:name`: the entity's deploy status from the
 * watch cache, for users and services that may read the entity in the
 * catalog (checked with their own credentials); 401 without credentials,
 * 404 when the entity is missing or hidden from the caller.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();

  router.get('/status/:kind/:namespace/:name', async (req, res) => {
    const parsed = statusParams.safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${issue.path.join('.')}: ${issue.message}`);
    }
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = await options.catalog.getEntityByRef(parsed.data, {
      credentials,
    });
    const entityRef = stringifyEntityRef(parsed.data);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const kubernetesId = entity.metadata.annotations?.[KUBERNETES_ID_LABEL];
    if (!kubernetesId) {
      throw new InputError(
        `${entityRef} has no ${KUBERNETES_ID_LABEL} annotation, so no Kubernetes objects are tied to it`,
      );
    }
    res.json(
      options.status.getStatus(stringifyEntityRef(entity), kubernetesId),
    );
  });

  return router;
}
