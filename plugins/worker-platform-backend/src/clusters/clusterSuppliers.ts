import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConfigClusterSupplier } from './ConfigClusterSupplier';
import { LocalKubeconfigClusterSupplier } from './LocalKubeconfigClusterSupplier';
import {
  ClusterSupplier,
  WatchedCluster,
} from '@worker-platform/plugin-worker-platform-node';

/** Every supplier the configuration enables: `kubernetes` clusters and, if opted in, the local kubeconfig. */
export function clusterSuppliersFromConfig(
  config: Config,
  options: { logger: LoggerService },
): ClusterSupplier[] {
  const local = LocalKubeconfigClusterSupplier.fromConfig(config);
  return [
    ConfigClusterSupplier.fromConfig(config, options),
    ...(local ? [local] : []),
  ];
}

/** The clusters of all suppliers; names must be unique, since users tell clusters apart by them. */
export async function collectClusters(
  suppliers: ClusterSupplier[],
): Promise<WatchedCluster[]> {
  const clusters = (
    await Promise.all(suppliers.map(supplier => supplier.getClusters()))
  ).flat();
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new Error(
        `kubernetes.clusterLocatorMethods: two clusters are named ${cluster.name}; cluster names must be unique across the configuration and every added cluster supplier`,
      );
    }
    seen.add(cluster.name);
  }
  return clusters;
}
