/**
 * The worker-platform frontend plugin: live deploy status of every
 * environment (ArgoCD and KEDA) on a service's catalog page.
 *
 * @packageDocumentation
 */

export {
  workerPlatformPlugin,
  EntityWorkerPlatformCard,
  EntityWorkerPlatformContent,
} from './plugin';
export {
  isWorkerPlatformAvailable,
  workerPlatformEntityFilter,
} from './entityFilter';
export { WorkerPlatformClient, workerPlatformApiRef } from './api';
export type { WorkerPlatformApi } from './api';
