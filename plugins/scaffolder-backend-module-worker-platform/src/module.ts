import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRenderAction } from './actions/render';
import { createValidateAction } from './actions/validate';
import { readLocalPublisherConfig } from './localPublisher/config';

/**
 * Adds the `worker-platform:render` and `worker-platform:publish:local`
 * actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleWorkerPlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'worker-platform',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, config }) {
        scaffolderActions.addActions(
          createRenderAction(),
          createValidateAction(),
          createPublishLocalAction({
            directory: readLocalPublisherConfig(config).directory,
            defaultAuthor: {
              name:
                config.getOptionalString('scaffolder.defaultAuthor.name') ??
                'Scaffolder',
              email:
                config.getOptionalString('scaffolder.defaultAuthor.email') ??
                'scaffolder@backstage.io',
            },
            defaultCommitMessage:
              config.getOptionalString('scaffolder.defaultCommitMessage') ??
              'Initial commit',
          }),
        );
      },
    });
  },
});
