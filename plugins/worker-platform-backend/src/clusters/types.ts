import { KubeConfig } from '@kubernetes/client-node';

/** A cluster the status backend watches. */
export interface WatchedCluster {
  /** The name users see in the status (`clusters[].name`). */
  name: string;
  /** How to reach and authenticate to it; never leaves the backend. */
  kubeConfig: KubeConfig;
}

/** Where the status backend gets its clusters from. */
export interface ClusterSupplier {
  getClusters(): Promise<WatchedCluster[]>;
}
