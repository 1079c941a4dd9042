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
  parseSpecDefaults,
  stringifySpec,
  validateSpec,
  validateSpecDefaults,
} from './parseSpec';
export type { SpecDefaultsResult, SpecError, SpecResult } from './parseSpec';
export { SPEC_DEFAULTS_CONFIG_PATH, specDefaultsSchema } from './specDefaults';
export type { SpecDefaults } from './specDefaults';
export { workerPlatformJsonSchema } from './jsonSchema';
export { redisAddress } from './derived';
export { IN_CLUSTER_SERVER } from './environmentDefaults';
export { MAX_DNS_LABEL_LENGTH } from './formats';
