import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  clusterSuppliersFromConfig,
  collectClusters,
} from './clusters/clusterSuppliers';
import { createRouter } from './router';
import { DeployStatusService } from './service/DeployStatusService';
import { readQueueDepthSettings } from './service/readSettings';

/**
 * The worker-platform status backend: watches ArgoCD and KEDA objects in the
 * `kubernetes.clusterLocatorMethods` clusters and serves
 * `GET /api/worker-platform/status/:kind/:namespace/:name` from memory.
 *
 * @public
 */
export const workerPlatformPlugin = createBackendPlugin({
  pluginId: 'worker-platform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        lifecycle,
        catalog,
        signals,
      }) {
        const clusters = await collectClusters(
          clusterSuppliersFromConfig(config, { logger }),
        );
        const status = new DeployStatusService({
          clusters,
          signals,
          logger,
          queueDepth: readQueueDepthSettings(config),
        });
        if (clusters.length === 0) {
          logger.warn(
            'No clusters configured: add kubernetes.clusterLocatorMethods (type: config) to see deploy status',
          );
        }
        status.start();
        lifecycle.addShutdownHook(() => status.stop());
        httpRouter.use(await createRouter({ httpAuth, catalog, status }));
      },
    });
  },
});
