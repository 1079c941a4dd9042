export {
  DELIVERY_STRATEGIES,
  resourceListSchema,
  resourcesSchema,
  WORKER_PLATFORM_API_VERSION,
  WORKER_PLATFORM_KIND,
  workerPlatformDocumentSchema,
  workerPlatformSpecSchema,
} from './schema';
export type {
  DeliveryStrategy,
  EnvironmentSpec,
  QueueSpec,
  ResourceRequirements,
  WorkerPlatformSpec,
  WorkerPlatformSpecInput,
  WorkerPoolSpec,
} from './schema';
export {
  formatPath,
  formatSpecErrors,
  parseSpec,
  stringifySpec,
  validateSpec,
} from './parseSpec';
export type { SpecError, SpecResult } from './parseSpec';
export { workerPlatformJsonSchema } from './jsonSchema';
export { redisAddress } from './derived';
export { IN_CLUSTER_SERVER } from './environmentDefaults';
export { MAX_DNS_LABEL_LENGTH } from './formats';
