/**
 * Scaffolder actions that render a WorkerPlatform deployment repository and
 * publish it without a Git hosting account.
 *
 * @packageDocumentation
 */

export { scaffolderModuleWorkerPlatform as default } from './module';
export { createRenderAction } from './actions/render';
export type { RenderActionOptions } from './actions/render';
export { createPublishLocalAction } from './actions/publishLocal';
export type { PublishLocalActionOptions } from './actions/publishLocal';
export { createEnvironmentAddAction } from './actions/environmentAdd';
export type { EnvironmentAddActionOptions } from './actions/environmentAdd';
export { createUpgradeAction } from './actions/upgrade';
export type { UpgradeActionOptions } from './actions/upgrade';
export { createFetchLocalAction } from './actions/fetchLocal';
export type { FetchLocalActionOptions } from './actions/fetchLocal';
export {
  createRepositoryLocateAction,
  parseSourceLocation,
} from './actions/repositoryLocate';
export type {
  RepositoryLocateActionOptions,
  RepositoryLocation,
} from './actions/repositoryLocate';
export { createPublishLocalBranchAction } from './actions/publishLocalBranch';
export type { PublishLocalBranchActionOptions } from './actions/publishLocalBranch';
export type { GitIdentity } from './localPublisher/createLocalRepository';
export { createArgoCdSyncAction } from './actions/argocdSync';
export type { DeployOperationActionOptions } from './actions/argocdSync';
export { createArgoCdRollbackAction } from './actions/argocdRollback';
export { createKedaPauseAction } from './actions/kedaPause';
export { createKedaResumeAction } from './actions/kedaResume';
export { HttpDeployOperationCaller } from './actions/deployOperationClient';
export type { DeployOperationCaller } from './actions/deployOperationClient';
export { createArgoCdRegisterAction } from './actions/argocdRegister';
export type { ArgoCdRegisterActionOptions } from './actions/argocdRegister';
export { HttpArgoCdRegistrationCaller } from './actions/argocdRegistrationClient';
export type {
  ArgoCdRegistrationCall,
  ArgoCdRegistrationCaller,
} from './actions/argocdRegistrationClient';
