import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * A cluster the worker-platform backend watches.
 *
 * @public
 */
export interface WatchedCluster {
  /** The name users see in the status (`clusters[].name`); unique across all suppliers. */
  name: string;
  /** How to reach and authenticate to it; never leaves the backend. */
  kubeConfig: KubeConfig;
}

/**
 * Where the worker-platform backend gets clusters from. The backend asks
 * every supplier once, at startup.
 *
 * @public
 */
export interface ClusterSupplier {
  getClusters(): Promise<WatchedCluster[]>;
}

/**
 * What a backend module may do to the worker-platform backend's clusters.
 *
 * @public
 */
export interface WorkerPlatformClustersExtensionPoint {
  /**
   * Adds clusters from a source of your own (a cluster registry, a cloud
   * API) next to those of `kubernetes.clusterLocatorMethods`.
   */
  addClusterSupplier(supplier: ClusterSupplier): void;
}

/**
 * Lets backend modules of the `worker-platform` plugin add cluster suppliers.
 *
 * @public
 */
export const workerPlatformClustersExtensionPoint =
  createExtensionPoint<WorkerPlatformClustersExtensionPoint>({
    id: 'worker-platform.clusters',
  });
