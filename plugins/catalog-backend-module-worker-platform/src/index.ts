/**
 * A catalog module that lists the repositories the worker-platform local
 * publisher creates, with their directory as source location.
 *
 * @packageDocumentation
 */

export { catalogModuleWorkerPlatformLocalRepositories as default } from './module';
export { LocalRepositoryEntityProvider } from './LocalRepositoryEntityProvider';
export type { LocalRepositoryEntityProviderOptions } from './LocalRepositoryEntityProvider';
export { LocalRepositoryLocationProcessor } from './LocalRepositoryLocationProcessor';
export type { LocalRepositoryLocationProcessorOptions } from './LocalRepositoryLocationProcessor';
