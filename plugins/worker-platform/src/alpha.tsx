import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { WorkerPlatformClient, workerPlatformApiRef } from './api';
import { workerPlatformEntityFilter } from './entityFilter';

export { workerPlatformTranslationRef } from './translation';

/**
 * Provides the `WorkerPlatformClient` as the `workerPlatformApiRef`.
 *
 * @alpha
 */
export const workerPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: workerPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new WorkerPlatformClient(deps),
    }),
});

/**
 * The "Deployments" card on the overview of Components with a kubernetes-id.
 *
 * @alpha
 */
export const entityDeploymentsCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: workerPlatformEntityFilter,
    loader: () =>
      import('./components/DeploymentsCard').then(m => <m.DeploymentsCard />),
  },
});

/**
 * The "Deployments" tab at `…/deployments` of Components with a kubernetes-id.
 *
 * @alpha
 */
export const entityDeploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    group: 'deployment',
    filter: workerPlatformEntityFilter,
    loader: () =>
      import('./components/DeploymentsContent').then(m => (
        <m.DeploymentsContent />
      )),
  },
});

/**
 * The scaffolder field `ServiceRepositoryPicker`: the environment wizard
 * asks where a service's repository lives only when the chosen entity's
 * `backstage.io/source-location` does not say.
 *
 * @alpha
 */
export const serviceRepositoryFormField = FormFieldBlueprint.make({
  name: 'service-repository',
  params: {
    field: () =>
      import('./components/ServiceRepositoryPicker').then(m =>
        createFormField({
          name: 'ServiceRepositoryPicker',
          component: m.ServiceRepositoryPicker,
          validation: m.validateServiceRepository,
        }),
      ),
  },
});

/**
 * The scaffolder field `ArgoCdClusterPicker`: both wizards' cluster to
 * register with ArgoCD, picked from those the backend opens for
 * registration.
 *
 * @alpha
 */
export const argoCdClusterFormField = FormFieldBlueprint.make({
  name: 'argocd-cluster',
  params: {
    field: () =>
      import('./components/ArgoCdClusterPicker').then(m =>
        createFormField({
          name: 'ArgoCdClusterPicker',
          component: m.ArgoCdClusterPicker,
          validation: m.validateArgoCdCluster,
        }),
      ),
  },
});

/**
 * The worker-platform plugin for the new frontend system: the "Deployments"
 * card and tab on Components with a `backstage.io/kubernetes-id`, and the
 * wizards' `ServiceRepositoryPicker` and `ArgoCdClusterPicker` fields.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'worker-platform',
  title: 'Worker Platform',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    workerPlatformApi,
    entityDeploymentsCard,
    entityDeploymentsContent,
    serviceRepositoryFormField,
    argoCdClusterFormField,
  ],
});
