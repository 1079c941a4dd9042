export * from './types';
export { guardRegistration } from './guardRegistration';
export {
  classifyNotificationKeys,
  NOTIFICATIONS_CONFIG_MAP,
  registrationFieldManager,
} from './notificationKeys';
export type { NotificationKeys } from './notificationKeys';
export type { RegistrationGuardResult } from './guardRegistration';
export { changedFields } from './changedFields';
export { registerWithArgoCd } from './registerWithArgoCd';
export type { RegisterWithArgoCdOptions } from './registerWithArgoCd';
export { formatRegistrationReport } from './formatRegistrationReport';
