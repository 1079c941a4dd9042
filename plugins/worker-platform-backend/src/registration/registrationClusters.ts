import { Config } from '@backstage/config';
import { WatchedCluster } from '@worker-platform/plugin-worker-platform-node';

/** A cluster registrations may go to, with its ArgoCD namespace. */
export interface RegistrationCluster {
  cluster: WatchedCluster;
  /** The namespace ArgoCD watches there; nothing is registered elsewhere. */
  namespace: string;
}

/**
 * Reads `workerPlatform.argocd.registration.clusters`: each a cluster of
 * `kubernetes.clusterLocatorMethods` (throws naming the key otherwise) and
 * its ArgoCD namespace (`argocd` by default). None configured: none allowed.
 */
export function readRegistrationClusters(
  config: Config,
  clusters: WatchedCluster[],
): Map<string, RegistrationCluster> {
  const allowed = new Map<string, RegistrationCluster>();
  const entries =
    config.getOptionalConfigArray(
      'workerPlatform.argocd.registration.clusters',
    ) ?? [];
  entries.forEach((entry, index) => {
    const key = `workerPlatform.argocd.registration.clusters[${index}]`;
    const name = entry.getString('name');
    const cluster = clusters.find(c => c.name === name);
    if (!cluster) {
      throw new Error(
        `${key}.name: no cluster ${name} in kubernetes.clusterLocatorMethods (known: ${
          clusters.map(c => c.name).join(', ') || 'none'
        })`,
      );
    }
    const namespace = entry.getOptionalString('namespace') ?? 'argocd';
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw new Error(`${key}.namespace: ${namespace} is not a namespace name`);
    }
    allowed.set(name, { cluster, namespace });
  });
  return allowed;
}
