import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import {
  cloneLocalRepository,
  LocalRepositoryError,
} from '../localPublisher/localBranch';
import { examples } from './fetchLocal.examples';
import { resolveWorkspacePath } from './workspacePath';

/**
 * Options of {@link createFetchLocalAction}.
 *
 * @public
 */
export interface FetchLocalActionOptions {
  /** Where the local publisher keeps repositories (`workerPlatform.localPublisher.directory`). */
  directory: string;
}

/**
 * Creates the `worker-platform:fetch:local` action: copies one branch of a
 * repository the local publisher created into the workspace, the local
 * counterpart of `fetch:plain` for services published without GitHub.
 *
 * @public
 */
export function createFetchLocalAction(options: FetchLocalActionOptions) {
  return createTemplateAction({
    id: 'worker-platform:fetch:local',
    description:
      'Copies a branch of a repository in the local publisher directory (workerPlatform.localPublisher.directory) into the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .regex(/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/, {
              message:
                'must be the name of a repository in the local publisher directory',
            })
            .describe(
              'The repository, as worker-platform:publish:local named it',
            ),
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              "The branch to fetch; the repository's current one by default",
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory to fetch into; the root by default'),
      },
      output: {
        remoteUrl: z => z.string().describe('The local repository'),
        branch: z => z.string().describe('The branch fetched'),
        commitHash: z =>
          z.string().describe('The commit fetched, to build a new branch on'),
      },
    },
    async handler(ctx) {
      const repoDir = path.join(options.directory, ctx.input.repoName);
      const targetDir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.targetPath,
        'targetPath',
      );
      // Reading the repository changes nothing outside the workspace, so a
      // dry run fetches too and later steps see the real files.
      let fetched;
      try {
        fetched = await cloneLocalRepository({
          repoDir,
          targetDir,
          branch: ctx.input.branch,
        });
      } catch (error) {
        if (error instanceof LocalRepositoryError) {
          throw new InputError(
            `repoName "${ctx.input.repoName}": ${error.message}`,
          );
        }
        throw error;
      }
      ctx.logger.info(
        `Fetched ${repoDir} (${fetched.branch} at ${fetched.commitHash})`,
      );
      ctx.output('remoteUrl', repoDir);
      ctx.output('branch', fetched.branch);
      ctx.output('commitHash', fetched.commitHash);
    },
  });
}
