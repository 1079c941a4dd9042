import { REGISTRATION_FIELD_MANAGER, RegistrationObject } from './types';

/**
 * The shared ConfigMap a service adds its notification templates and triggers to.
 *
 * @public
 */
export const NOTIFICATIONS_CONFIG_MAP = 'argocd-notifications-cm';

/**
 * The data keys of a service's `argocd-notifications-cm`, by whose they are.
 *
 * @public
 */
export interface NotificationKeys {
  /** `template.<service>-…` and `trigger.<service>-…`: registered. */
  own: string[];
  /** Another service's templates and triggers: refused. */
  foreign: string[];
  /** The instance's keys (`service.slack`, `context`, …): never sent, left to its administrator. */
  instanceWide: string[];
}

const isOwn = (key: string, service: string) =>
  key.startsWith(`template.${service}-`) ||
  key.startsWith(`trigger.${service}-`);

/**
 * Sorts the data keys of `argocd-notifications-cm` into the service's own,
 * other services' (any other `template.`/`trigger.` key) and the
 * instance-wide ones. Pure.
 *
 * @public
 */
export function classifyNotificationKeys(
  data: Record<string, unknown>,
  service: string,
): NotificationKeys {
  const keys: NotificationKeys = { own: [], foreign: [], instanceWide: [] };
  for (const key of Object.keys(data).sort()) {
    if (isOwn(key, service)) keys.own.push(key);
    else if (/^(template|trigger)\./.test(key)) keys.foreign.push(key);
    else keys.instanceWide.push(key);
  }
  return keys;
}

const isNotificationsConfigMap = (object: RegistrationObject) =>
  object.apiVersion === 'v1' &&
  object.kind === 'ConfigMap' &&
  object.metadata.name === NOTIFICATIONS_CONFIG_MAP;

/**
 * The field manager an object is applied under. Server-side apply removes a
 * field its manager set before and no longer sends, so the ConfigMap every
 * service shares gets one manager per service
 * (`backstage-worker-platform.<service>`): registering one service never
 * removes another's keys. Everything else is applied as
 * `backstage-worker-platform`.
 *
 * @public
 */
export function registrationFieldManager(
  object: RegistrationObject,
  service: string,
): string {
  return isNotificationsConfigMap(object)
    ? `${REGISTRATION_FIELD_MANAGER}.${service}`
    : REGISTRATION_FIELD_MANAGER;
}
