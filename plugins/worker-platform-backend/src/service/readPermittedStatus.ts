import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  EntityDeployStatus,
  workerPlatformStatusReadPermission,
} from '@worker-platform/plugin-worker-platform-common';
import { Request } from 'express';
import { EntityAccess } from '../permissions/EntityAccess';
import { EntityStatusProvider } from './DeployStatusService';

/** What {@link readPermittedStatus} needs. */
export interface PermittedStatusServices {
  access: EntityAccess;
  status: EntityStatusProvider;
  auditor: AuditorService;
}

/**
 * An entity's deploy status with only the environments the caller may read
 * (`worker-platform.status.read`), audited at low severity. 404 for an entity
 * the caller may not see, 403 when no environment may be read.
 */
export async function readPermittedStatus(
  services: PermittedStatusServices,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
  httpRequest?: Request,
): Promise<EntityDeployStatus> {
  const { entity, entityRef, kubernetesId, environmentOrder } =
    await services.access.load(ref, credentials);
  const event = await services.auditor.createEvent({
    eventId: 'status-read',
    severityLevel: 'low',
    request: httpRequest,
    meta: { entityRef },
  });
  const status = services.status.getStatus(entityRef, kubernetesId, {
    environmentOrder,
  });
  const allowed = await services.access.allowed(
    entity,
    status.environments.map(e => e.name),
    workerPlatformStatusReadPermission,
    credentials,
  );
  const environments = status.environments.filter((_, i) => allowed[i]);
  if (status.environments.length > 0 && environments.length === 0) {
    const error = new NotAllowedError(
      `You may not read the deploy status of ${entityRef}`,
    );
    await event.fail({ error });
    throw error;
  }
  await event.success({
    meta: { environments: environments.map(e => e.name) },
  });
  return { ...status, environments };
}
