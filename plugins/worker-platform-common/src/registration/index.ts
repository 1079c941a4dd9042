export * from './types';
export {
  guardRegistration,
  NOTIFICATIONS_CONFIG_MAP,
} from './guardRegistration';
export type { RegistrationGuardResult } from './guardRegistration';
export { changedFields } from './changedFields';
export { registerWithArgoCd } from './registerWithArgoCd';
export type { RegisterWithArgoCdOptions } from './registerWithArgoCd';
export { formatRegistrationReport } from './formatRegistrationReport';
