import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readLocalPublisherConfig } from '@worker-platform/plugin-worker-platform-node';
import { LocalRepositoryEntityProvider } from './LocalRepositoryEntityProvider';
import { LocalRepositoryLocationProcessor } from './LocalRepositoryLocationProcessor';

/**
 * Lets the catalog list the repositories `worker-platform:publish:local`
 * creates, with their directory as source location.
 *
 * @public
 */
export const catalogModuleWorkerPlatformLocalRepositories = createBackendModule(
  {
    pluginId: 'catalog',
    moduleId: 'worker-platform-local-repositories',
    register({ registerInit }) {
      registerInit({
        deps: {
          catalog: catalogProcessingExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          scheduler: coreServices.scheduler,
          lifecycle: coreServices.lifecycle,
        },
        async init({ catalog, config, logger, scheduler, lifecycle }) {
          const { directory } = readLocalPublisherConfig(config);
          const provider = new LocalRepositoryEntityProvider({
            directory,
            logger,
          });
          catalog.addEntityProvider(provider);
          catalog.addProcessor(
            new LocalRepositoryLocationProcessor({ directory }),
          );
          // The directory watch is the fast path; the schedule catches what
          // a watch can miss (the directory itself replaced, a lost event).
          await scheduler.scheduleTask({
            id: `${provider.getProviderName()}:refresh`,
            frequency: { minutes: 1 },
            timeout: { minutes: 1 },
            initialDelay: { minutes: 1 },
            scope: 'local',
            fn: () => provider.refresh(),
          });
          lifecycle.addShutdownHook(() => provider.close());
        },
      });
    },
  },
);
