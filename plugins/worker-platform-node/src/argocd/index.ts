export {
  loadRegistrationObjects,
  RegistrationSourceError,
} from './loadRegistrationObjects';
export type {
  LoadRegistrationObjectsOptions,
  RegistrationSource,
} from './loadRegistrationObjects';
export { readKubeconfig, KubeconfigError } from './kubeconfig';
export type { ClusterConnection } from './kubeconfig';
export {
  KubeconfigRegistrationClient,
  objectPath,
} from './KubeconfigRegistrationClient';
