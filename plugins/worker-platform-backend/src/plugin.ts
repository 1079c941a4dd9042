import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { workerPlatformPermissions } from '@worker-platform/plugin-worker-platform-common';
import {
  ClusterSupplier,
  workerPlatformClustersExtensionPoint,
} from '@worker-platform/plugin-worker-platform-node';
import { registerDeployActions } from './actions/registerDeployActions';
import {
  clusterSuppliersFromConfig,
  collectClusters,
} from './clusters/clusterSuppliers';
import { KubernetesObjectClient } from './operations/ClusterObjectClient';
import { DeployOperationService } from './operations/DeployOperationService';
import { EntityAccess } from './permissions/EntityAccess';
import {
  loadEnvironmentResources,
  workerPlatformEnvironmentResourceRef,
} from './permissions/resource';
import { workerPlatformEnvironmentRules } from './permissions/rules';
import { createRouter } from './router';
import { ArgoCdRegistrationService } from './registration/ArgoCdRegistrationService';
import { KubernetesRegistrationClient } from './registration/KubernetesRegistrationClient';
import { readRegistrationClusters } from './registration/registrationClusters';
import { createRegistrationRouter } from './registration/registrationRouter';
import { DeployStatusService } from './service/DeployStatusService';
import {
  readProductionEnvironments,
  readQueueDepthSettings,
} from './service/readSettings';

/**
 * The worker-platform backend: watches ArgoCD and KEDA objects in the
 * `kubernetes.clusterLocatorMethods` clusters and in those of every supplier
 * a module adds through `workerPlatformClustersExtensionPoint`, serves
 * `GET /api/worker-platform/status/:kind/:namespace/:name` and the scaling
 * history at `GET /api/worker-platform/history/...` from memory, and
 * runs day-2 operations at `POST /api/worker-platform/operations/...`, each
 * behind its own permission and audited.
 *
 * @public
 */
export const workerPlatformPlugin = createBackendPlugin({
  pluginId: 'worker-platform',
  register(env) {
    // Modules add theirs during registration, before init reads the list.
    const addedSuppliers: ClusterSupplier[] = [];
    env.registerExtensionPoint(workerPlatformClustersExtensionPoint, {
      addClusterSupplier(supplier) {
        addedSuppliers.push(supplier);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        auth,
        httpAuth,
        httpRouter,
        lifecycle,
        permissions,
        permissionsRegistry,
        auditor,
        scheduler,
        actionsRegistry,
        catalog,
        signals,
        notifications,
      }) {
        const clusters = await collectClusters([
          ...clusterSuppliersFromConfig(config, { logger }),
          ...addedSuppliers,
        ]);
        const status = new DeployStatusService({
          clusters,
          signals,
          logger,
          queueDepth: readQueueDepthSettings(config),
          scheduler,
        });
        if (clusters.length === 0) {
          logger.warn(
            'No clusters configured: add kubernetes.clusterLocatorMethods (type: config), or a module that adds a cluster supplier, to see deploy status',
          );
        }
        permissionsRegistry.addResourceType({
          resourceRef: workerPlatformEnvironmentResourceRef,
          permissions: workerPlatformPermissions,
          rules: Object.values(workerPlatformEnvironmentRules),
          getResources: refs =>
            loadEnvironmentResources(refs, { catalog, auth }),
        });
        const access = new EntityAccess({
          catalog,
          permissions,
          ruleset: permissionsRegistry.getPermissionRuleset(
            workerPlatformEnvironmentResourceRef,
          ),
        });
        const objectClients = new Map(
          clusters.map(cluster => [
            cluster.name,
            new KubernetesObjectClient(cluster.kubeConfig),
          ]),
        );
        const operations = new DeployOperationService({
          access,
          status,
          clientFor: name => objectClients.get(name),
          auditor,
          logger,
          notifications,
          productionEnvironments: readProductionEnvironments(config),
        });
        registerDeployActions({
          actionsRegistry,
          operations,
          access,
          status,
          auditor,
        });
        const registration = new ArgoCdRegistrationService({
          catalog,
          permissions,
          ruleset: permissionsRegistry.getPermissionRuleset(
            workerPlatformEnvironmentResourceRef,
          ),
          auditor,
          clusters: readRegistrationClusters(config, clusters),
          clientFor: allowed =>
            new KubernetesRegistrationClient(allowed.cluster.kubeConfig),
        });
        await status.start();
        lifecycle.addShutdownHook(() => status.stop());
        // First: its JSON body limit is larger than the main router's.
        httpRouter.use(
          await createRegistrationRouter({ httpAuth, registration }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            auditor,
            access,
            status,
            history: status,
            operations,
          }),
        );
      },
    });
  },
});
