import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readLocalPublisherConfig } from '@worker-platform/plugin-worker-platform-node';
import { createArgoCdRegisterAction } from './actions/argocdRegister';
import { HttpArgoCdRegistrationCaller } from './actions/argocdRegistrationClient';
import { createArgoCdRollbackAction } from './actions/argocdRollback';
import { createArgoCdSyncAction } from './actions/argocdSync';
import { HttpDeployOperationCaller } from './actions/deployOperationClient';
import { createEnvironmentAddAction } from './actions/environmentAdd';
import { createFetchLocalAction } from './actions/fetchLocal';
import { createKedaPauseAction } from './actions/kedaPause';
import { createKedaResumeAction } from './actions/kedaResume';
import { createPublishLocalAction } from './actions/publishLocal';
import { createPublishLocalBranchAction } from './actions/publishLocalBranch';
import { createRenderAction } from './actions/render';
import { createRepositoryLocateAction } from './actions/repositoryLocate';
import { createUpgradeAction } from './actions/upgrade';
import { createValidateAction } from './actions/validate';
import { readSpecDefaultsConfig } from './specDefaults/config';

/**
 * Adds the worker-platform actions to the scaffolder: render, validate,
 * environment:add and upgrade, the local publisher's publish, fetch and
 * branch actions, repository:locate, and the day-2 operations argocd:sync, argocd:rollback,
 * keda:pause and keda:resume, and argocd:register (run by the
 * worker-platform backend as the task's initiator).
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
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolderActions, config, discovery, auth }) {
        const { directory } = readLocalPublisherConfig(config);
        const specDefaults = readSpecDefaultsConfig(config);
        const defaultAuthor = {
          name:
            config.getOptionalString('scaffolder.defaultAuthor.name') ??
            'Scaffolder',
          email:
            config.getOptionalString('scaffolder.defaultAuthor.email') ??
            'scaffolder@backstage.io',
        };
        const operations = new HttpDeployOperationCaller({ discovery, auth });
        scaffolderActions.addActions(
          createRenderAction({ specDefaults }),
          createValidateAction({ specDefaults }),
          createEnvironmentAddAction({ specDefaults }),
          createUpgradeAction({ specDefaults }),
          createFetchLocalAction({ directory }),
          createRepositoryLocateAction({ directory }),
          createPublishLocalBranchAction({ directory, defaultAuthor }),
          createPublishLocalAction({
            directory,
            defaultAuthor,
            defaultCommitMessage:
              config.getOptionalString('scaffolder.defaultCommitMessage') ??
              'Initial commit',
          }),
          createArgoCdSyncAction({ operations }),
          createArgoCdRollbackAction({ operations }),
          createKedaPauseAction({ operations }),
          createKedaResumeAction({ operations }),
          createArgoCdRegisterAction({
            registrations: new HttpArgoCdRegistrationCaller({
              discovery,
              auth,
            }),
            specDefaults,
          }),
        );
      },
    });
  },
});
