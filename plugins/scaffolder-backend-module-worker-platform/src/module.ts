import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createEnvironmentAddAction } from './actions/environmentAdd';
import { createFetchLocalAction } from './actions/fetchLocal';
import { createPublishLocalAction } from './actions/publishLocal';
import { createPublishLocalBranchAction } from './actions/publishLocalBranch';
import { createRenderAction } from './actions/render';
import { createUpgradeAction } from './actions/upgrade';
import { createValidateAction } from './actions/validate';
import { readLocalPublisherConfig } from './localPublisher/config';

/**
 * Adds the worker-platform actions to the scaffolder: render, validate,
 * environment:add and upgrade, and the local publisher's publish, fetch and
 * branch actions.
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
        const { directory } = readLocalPublisherConfig(config);
        const defaultAuthor = {
          name:
            config.getOptionalString('scaffolder.defaultAuthor.name') ??
            'Scaffolder',
          email:
            config.getOptionalString('scaffolder.defaultAuthor.email') ??
            'scaffolder@backstage.io',
        };
        scaffolderActions.addActions(
          createRenderAction(),
          createValidateAction(),
          createEnvironmentAddAction(),
          createUpgradeAction(),
          createFetchLocalAction({ directory }),
          createPublishLocalBranchAction({ directory, defaultAuthor }),
          createPublishLocalAction({
            directory,
            defaultAuthor,
            defaultCommitMessage:
              config.getOptionalString('scaffolder.defaultCommitMessage') ??
              'Initial commit',
          }),
        );
      },
    });
  },
});
