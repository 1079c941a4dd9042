import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GitIdentity } from '../localPublisher/createLocalRepository';
import {
  BranchExistsError,
  commitToNewBranch,
  LocalRepositoryError,
} from '../localPublisher/localBranch';
import { examples } from './publishLocalBranch.examples';
import { resolveWorkspacePath } from './workspacePath';

/**
 * Options of {@link createPublishLocalBranchAction}.
 *
 * @public
 */
export interface PublishLocalBranchActionOptions {
  /** Where the local publisher keeps repositories (`workerPlatform.localPublisher.directory`). */
  directory: string;
  /** Identity for the commit unless the step names one (`scaffolder.defaultAuthor`). */
  defaultAuthor: GitIdentity;
}

/**
 * Creates the `worker-platform:publish:local:branch` action: commits the
 * workspace as a new branch of a repository the local publisher created,
 * the local counterpart of `publish:github:pull-request`. The repository's
 * current branch and working tree stay as they are.
 *
 * @public
 */
export function createPublishLocalBranchAction(
  options: PublishLocalBranchActionOptions,
) {
  return createTemplateAction({
    id: 'worker-platform:publish:local:branch',
    description:
      'Commits the workspace (or a part of it) as a new branch of a repository in the local publisher directory, for review like a pull request.',
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
        branchName: z =>
          z.string().describe('The branch to create; it must not exist yet'),
        baseCommit: z =>
          z
            .string()
            .optional()
            .describe(
              "The commit the branch starts from, e.g. worker-platform:fetch:local's commitHash; HEAD by default",
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory to commit; the root by default'),
        commitMessage: z => z.string().describe('Message of the commit'),
        gitAuthorName: z => z.string().optional().describe('Commit author'),
        gitAuthorEmail: z =>
          z.string().optional().describe('Commit author email'),
      },
      output: {
        remoteUrl: z => z.string().describe('The local repository'),
        repoContentsUrl: z =>
          z.string().describe('file:// URL of the repository'),
        branchName: z => z.string().describe('The branch created'),
        commitHash: z =>
          z.string().optional().describe('The new commit (not in dry runs)'),
        changedFiles: z =>
          z
            .array(z.string())
            .optional()
            .describe('Files the commit changes (not in dry runs)'),
      },
    },
    async handler(ctx) {
      const repoDir = path.join(options.directory, ctx.input.repoName);
      const sourceDir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.sourcePath,
        'sourcePath',
      );
      const { branchName } = ctx.input;

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would commit to a new branch ${branchName} of ${repoDir}`,
        );
      } else {
        const { commitHash, changedFiles } = await ctx.checkpoint({
          key: `worker-platform.publish.local.branch.${ctx.input.repoName}.${branchName}`,
          fn: async () => {
            try {
              return await commitToNewBranch({
                repoDir,
                sourceDir,
                branch: branchName,
                baseCommit: ctx.input.baseCommit,
                commitMessage: ctx.input.commitMessage,
                author: {
                  name: ctx.input.gitAuthorName ?? options.defaultAuthor.name,
                  email:
                    ctx.input.gitAuthorEmail ?? options.defaultAuthor.email,
                },
              });
            } catch (error) {
              if (error instanceof BranchExistsError) {
                throw new InputError(
                  `branchName "${branchName}": ${error.message}; pick another name`,
                );
              }
              if (error instanceof LocalRepositoryError) {
                throw new InputError(error.message);
              }
              throw error;
            }
          },
        });
        ctx.logger.info(
          `Committed ${changedFiles.length} changed file(s) to ${branchName} of ${repoDir} at ${commitHash}`,
        );
        ctx.output('commitHash', commitHash);
        ctx.output('changedFiles', changedFiles);
      }
      ctx.output('remoteUrl', repoDir);
      ctx.output('repoContentsUrl', pathToFileURL(repoDir).href);
      ctx.output('branchName', branchName);
    },
  });
}
