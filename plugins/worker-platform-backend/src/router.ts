import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DeployOperationService } from './operations/DeployOperationService';
import { parseOperationRequest } from './operations/operationRequest';
import { EntityAccess } from './permissions/EntityAccess';
import { describePrincipal } from './permissions/principal';
import {
  EntityHistoryProvider,
  EntityStatusProvider,
} from './service/DeployStatusService';
import { readPermittedHistory } from './service/readPermittedHistory';
import { readPermittedStatus } from './service/readPermittedStatus';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  access: EntityAccess;
  status: EntityStatusProvider;
  history: EntityHistoryProvider;
  operations: DeployOperationService;
}

// The characters catalog kinds, namespaces and names may hold.
const refPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'must be letters, digits, ".", "_" or "-"',
  });

const entityParams = z.object({
  kind: refPart,
  namespace: refPart,
  name: refPart,
});

const historyQuery = z.object({
  environment: refPart.optional(),
  minutes: z.coerce.number().int().min(1).max(60).default(60),
});

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function parseEntityParams(params: unknown) {
  return parseOrThrow(entityParams, params);
}

/**
 * `GET /status/:kind/:namespace/:name`: the entity's deploy status from the
 * watch cache, only the environments the caller may read
 * (`worker-platform.status.read`), for callers who may see the entity in the
 * catalog; 401 without credentials, 403 when no environment may be read, 404
 * when the entity is missing or hidden.
 *
 * `GET /history/:kind/:namespace/:name?environment=…&minutes=60`: each
 * pool's replicas and queue depths over the last 1–60 minutes, under the
 * status route's permission and answers; 400 for a bad query.
 *
 * `POST /operations/:kind/:namespace/:name`: a day-2 operation; 202 with what
 * was done, 400 naming the bad field, 403, 404, 409 and 502 with the
 * cluster's message.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/status/:kind/:namespace/:name', async (req, res) => {
    const ref = parseEntityParams(req.params);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await readPermittedStatus(options, ref, credentials, req));
  });

  router.get('/history/:kind/:namespace/:name', async (req, res) => {
    const ref = parseEntityParams(req.params);
    const query = parseOrThrow(historyQuery, req.query);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await readPermittedHistory(options, ref, query, credentials, req));
  });

  router.post('/operations/:kind/:namespace/:name', async (req, res) => {
    const ref = parseEntityParams(req.params);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    let request;
    try {
      request = parseOperationRequest(req.body);
    } catch (error) {
      // A malformed attempt is still an attempt: it is audited too.
      const event = await options.auditor.createEvent({
        eventId: 'deploy-operation',
        severityLevel: 'medium',
        request: req,
        meta: {
          actor: describePrincipal(credentials),
          entityRef:
            `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
              'en-US',
            ),
          environment: String(req.body?.environment ?? ''),
          operation: String(req.body?.operation ?? ''),
        },
      });
      await event.fail({ error: error as Error, meta: { result: 'invalid' } });
      throw error;
    }
    const result = await options.operations.execute({
      entity: ref,
      request,
      credentials,
      httpRequest: req,
    });
    res.status(202).json(result);
  });

  return router;
}
