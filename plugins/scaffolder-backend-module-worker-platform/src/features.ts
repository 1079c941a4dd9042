import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleWorkerPlatformLocalRepositories } from './catalogModule';
import { scaffolderModuleWorkerPlatform } from './module';

/**
 * The scaffolder actions together with the catalog module that lists what
 * the local publisher creates: one `backend.add` installs both, so a local
 * publish always ends with the service in the catalog.
 *
 * @public
 */
export const workerPlatformScaffolderFeatures = createBackendFeatureLoader({
  *loader() {
    yield scaffolderModuleWorkerPlatform;
    yield catalogModuleWorkerPlatformLocalRepositories;
  },
});
