export { workerPlatformClustersExtensionPoint } from './clusters';
export type {
  ClusterSupplier,
  WatchedCluster,
  WorkerPlatformClustersExtensionPoint,
} from './clusters';
