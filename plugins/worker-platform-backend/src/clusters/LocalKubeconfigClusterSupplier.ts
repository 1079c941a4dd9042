import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterSupplier,
  WatchedCluster,
} from '@worker-platform/plugin-worker-platform-node';

/**
 * For development: the cluster of the local kubeconfig's current context
 * (or of `workerPlatform.localKubeconfig.context`), read like kubectl does
 * (`$KUBECONFIG` or `~/.kube/config`). Off unless
 * `workerPlatform.localKubeconfig.enabled` is true.
 *
 * @public
 */
export class LocalKubeconfigClusterSupplier implements ClusterSupplier {
  /** Undefined unless enabled; throws naming the key when the context is missing. */
  static fromConfig(
    config: Config,
  ): LocalKubeconfigClusterSupplier | undefined {
    const settings = config.getOptionalConfig('workerPlatform.localKubeconfig');
    if (!settings?.getOptionalBoolean('enabled')) return undefined;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromDefault();
    const context = settings.getOptionalString('context');
    if (context) {
      if (!kubeConfig.getContextObject(context)) {
        throw new Error(
          `workerPlatform.localKubeconfig.context: no context named ${context} in the local kubeconfig`,
        );
      }
      kubeConfig.setCurrentContext(context);
    }
    if (!kubeConfig.getCurrentCluster()) {
      throw new Error(
        'workerPlatform.localKubeconfig.enabled: the local kubeconfig has no current context; set workerPlatform.localKubeconfig.context',
      );
    }
    return new LocalKubeconfigClusterSupplier({
      name: kubeConfig.getCurrentContext(),
      kubeConfig,
    });
  }

  private constructor(private readonly cluster: WatchedCluster) {}

  async getClusters(): Promise<WatchedCluster[]> {
    return [this.cluster];
  }
}
