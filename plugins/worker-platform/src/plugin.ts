import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { WorkerPlatformClient, workerPlatformApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The worker-platform plugin for apps on the legacy frontend system; apps on
 * the new frontend system install `@worker-platform/plugin-worker-platform/alpha`.
 *
 * @public
 */
export const workerPlatformPlugin = createPlugin({
  id: 'worker-platform',
  apis: [
    createApiFactory({
      api: workerPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new WorkerPlatformClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The "Deployments" card for an entity overview (legacy frontend system).
 *
 * @public
 */
export const EntityWorkerPlatformCard: () => JSX.Element =
  workerPlatformPlugin.provide(
    createComponentExtension({
      name: 'EntityWorkerPlatformCard',
      component: {
        lazy: () =>
          import('./components/DeploymentsCard').then(m => m.DeploymentsCard),
      },
    }),
  );

/**
 * The "Deployments" tab content for an entity page (legacy frontend system).
 *
 * @public
 */
export const EntityWorkerPlatformContent: () => JSX.Element =
  workerPlatformPlugin.provide(
    createRoutableExtension({
      name: 'EntityWorkerPlatformContent',
      component: () =>
        import('./components/DeploymentsContent').then(
          m => m.DeploymentsContent,
        ),
      mountPoint: rootRouteRef,
    }),
  );
