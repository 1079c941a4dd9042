import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  EntityScalingHistory,
  workerPlatformStatusReadPermission,
} from '@worker-platform/plugin-worker-platform-common';
import { Request } from 'express';
import { EntityAccess } from '../permissions/EntityAccess';
import { EntityHistoryProvider } from './DeployStatusService';

/** What {@link readPermittedHistory} needs. */
export interface PermittedHistoryServices {
  access: EntityAccess;
  history: EntityHistoryProvider;
  auditor: AuditorService;
}

/** Which part of the history to read. */
export interface HistoryQuery {
  /** Only this environment; every readable one when omitted. */
  environment?: string;
  minutes: number;
}

/**
 * An entity's scaling history under the status route's rules: the same
 * permission (`worker-platform.status.read`) per environment, audited at low
 * severity. 404 for an entity the caller may not see; 403 for a named
 * environment the caller may not read, or when no environment may be read.
 */
export async function readPermittedHistory(
  services: PermittedHistoryServices,
  ref: CompoundEntityRef,
  query: HistoryQuery,
  credentials: BackstageCredentials,
  httpRequest?: Request,
): Promise<EntityScalingHistory> {
  const { entity, entityRef, kubernetesId, environmentOrder } =
    await services.access.load(ref, credentials);
  const event = await services.auditor.createEvent({
    eventId: 'history-read',
    severityLevel: 'low',
    request: httpRequest,
    meta: {
      entityRef,
      environment: query.environment ?? null,
      minutes: query.minutes,
    },
  });
  const history = services.history.getHistory(
    entityRef,
    kubernetesId,
    query.minutes,
    { environmentOrder },
  );
  const names = query.environment
    ? [query.environment]
    : history.environments.map(e => e.name);
  const allowed = await services.access.allowed(
    entity,
    names,
    workerPlatformStatusReadPermission,
    credentials,
  );
  const readable = new Set(names.filter((_, i) => allowed[i]));
  if (names.length > 0 && readable.size === 0) {
    const error = new NotAllowedError(
      query.environment
        ? `You may not read the deploy status of ${entityRef} in ${query.environment}`
        : `You may not read the deploy status of ${entityRef}`,
    );
    await event.fail({ error });
    throw error;
  }
  const environments = history.environments.filter(e => readable.has(e.name));
  // New points follow over Signals, to this user and the environments just
  // allowed only. A read of one environment follows that one; a service has
  // no Signals connection to receive them.
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    services.history.followHistory({
      entityRef,
      kubernetesId,
      userEntityRef: principal.userEntityRef,
      environments: [...readable],
    });
  }
  await event.success({
    meta: { environments: environments.map(e => e.name) },
  });
  return { ...history, environments };
}
