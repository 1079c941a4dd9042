/**
 * The worker-platform status backend: watches ArgoCD and KEDA in every
 * configured cluster and serves each entity's deploy status from memory.
 *
 * @packageDocumentation
 */

export { workerPlatformPlugin as default } from './plugin';
export { ConfigClusterSupplier } from './clusters/ConfigClusterSupplier';
export { LocalKubeconfigClusterSupplier } from './clusters/LocalKubeconfigClusterSupplier';
export { DeployStatusService } from './service/DeployStatusService';
export type {
  DeployStatusServiceOptions,
  EntityHistoryProvider,
  EntityStatusProvider,
} from './service/DeployStatusService';
export type { ScalingHistoryOptions } from './history/ScalingHistory';
export type { QueueDepthSettings } from './queueDepth/QueueDepthPoller';
export type { BackoffOptions } from './watch/backoff';
export {
  createWorkerPlatformEnvironmentConditionalDecision,
  workerPlatformEnvironmentConditions,
  workerPlatformEnvironmentRules,
} from './permissions/rules';
export { workerPlatformEnvironmentResourceRef } from './permissions/resource';
export type {
  WorkerPlatformEnvironmentQuery,
  WorkerPlatformEnvironmentResource,
} from './permissions/resource';
export { DeployOperationService } from './operations/DeployOperationService';
export type {
  DeployOperationServiceOptions,
  ExecuteOperationOptions,
} from './operations/DeployOperationService';
export type {
  AccessibleEntity,
  EntityAccess,
  EntityAccessOptions,
} from './permissions/EntityAccess';
export type {
  ClusterObjectClient,
  ObjectPatch,
  ObjectPatchType,
} from './operations/ClusterObjectClient';
export type { RawKubernetesObject } from './watch/KubernetesClusterClient';
export type { WatchedResource } from './watch/resources';
export type { EnvironmentOrderOptions } from './service/DeployStatusService';
