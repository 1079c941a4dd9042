import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterSupplier,
  WatchedCluster,
} from '@worker-platform/plugin-worker-platform-node';

const SUPPORTED_AUTH_PROVIDER = 'serviceAccount';

/**
 * Clusters from the `kubernetes.clusterLocatorMethods` entries of
 * `type: config` — the configuration the Backstage Kubernetes plugin reads,
 * so clusters are configured once. Only service-account authentication is
 * supported; other clusters are skipped with a warning.
 *
 * @public
 */
export class ConfigClusterSupplier implements ClusterSupplier {
  /** Reads the clusters; throws naming the key when one is malformed. */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): ConfigClusterSupplier {
    const clusters: WatchedCluster[] = [];
    const methods =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    for (const method of methods) {
      if (method.getString('type') !== 'config') continue;
      for (const cluster of method.getConfigArray('clusters')) {
        const name = cluster.getString('name');
        const authProvider =
          cluster.getOptionalString('authProvider') ?? SUPPORTED_AUTH_PROVIDER;
        if (authProvider !== SUPPORTED_AUTH_PROVIDER) {
          options.logger.warn(
            `Cluster ${name} uses authProvider ${authProvider}; worker-platform only supports ${SUPPORTED_AUTH_PROVIDER} and does not watch it`,
          );
          continue;
        }
        const url = cluster.getString('url');
        const skipTLSVerify =
          cluster.getOptionalBoolean('skipTLSVerify') ?? false;
        if (url.startsWith('http:') && !skipTLSVerify) {
          // @kubernetes/client-node refuses plain http otherwise, on every request.
          throw new Error(
            `kubernetes.clusterLocatorMethods: cluster ${name} has a plain http url; set its skipTLSVerify to true or use https`,
          );
        }
        clusters.push({
          name,
          kubeConfig: kubeConfigFor({
            name,
            url,
            token: cluster.getOptionalString('serviceAccountToken'),
            skipTLSVerify,
            caData: cluster.getOptionalString('caData'),
          }),
        });
      }
    }
    return new ConfigClusterSupplier(clusters);
  }

  private constructor(private readonly clusters: WatchedCluster[]) {}

  async getClusters(): Promise<WatchedCluster[]> {
    return this.clusters;
  }
}

function kubeConfigFor(cluster: {
  name: string;
  url: string;
  token?: string;
  skipTLSVerify: boolean;
  caData?: string;
}): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        skipTLSVerify: cluster.skipTLSVerify,
        caData: cluster.caData,
      },
    ],
    users: [{ name: 'backstage', token: cluster.token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
