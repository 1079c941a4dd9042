export { workerPlatformApiRef } from './WorkerPlatformApi';
export type { WorkerPlatformApi } from './WorkerPlatformApi';
export { WorkerPlatformClient } from './WorkerPlatformClient';
