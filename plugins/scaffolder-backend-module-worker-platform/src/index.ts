/**
 * Scaffolder actions that render a WorkerPlatform deployment repository and
 * publish it without a Git hosting account.
 *
 * @packageDocumentation
 */

export { workerPlatformScaffolderFeatures as default } from './features';
export { scaffolderModuleWorkerPlatform } from './module';
export { catalogModuleWorkerPlatformLocalRepositories } from './catalogModule';
export { createRenderAction } from './actions/render';
export { createPublishLocalAction } from './actions/publishLocal';
export type { PublishLocalActionOptions } from './actions/publishLocal';
export { LocalRepositoryEntityProvider } from './localPublisher/LocalRepositoryEntityProvider';
export type { LocalRepositoryEntityProviderOptions } from './localPublisher/LocalRepositoryEntityProvider';
export type { GitIdentity } from './localPublisher/createLocalRepository';
