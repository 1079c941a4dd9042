import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createLocalRepository,
  GitIdentity,
  RepositoryExistsError,
} from '../localPublisher/createLocalRepository';
import { examples } from './publishLocal.examples';
import { resolveWorkspacePath } from './workspacePath';

/** The descriptor the catalog's scan of the directory registers. */
const CATALOG_INFO_FILE = 'catalog-info.yaml';

/**
 * Options of {@link createPublishLocalAction}.
 *
 * @public
 */
export interface PublishLocalActionOptions {
  /** Where repositories are created, from `workerPlatform.localPublisher.directory`. */
  directory: string;
  /** Identity for the commit unless the step names one (`scaffolder.defaultAuthor`). */
  defaultAuthor: GitIdentity;
  /** `scaffolder.defaultCommitMessage`. */
  defaultCommitMessage: string;
}

/**
 * Creates the `worker-platform:publish:local` action: commits the workspace
 * (or a part of it) into a new git repository on the backend's disk, for
 * trying the platform without a GitHub account. The catalog registers the
 * repository's `catalog-info.yaml` by itself (see
 * `LocalRepositoryEntityProvider`).
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  return createTemplateAction({
    id: 'worker-platform:publish:local',
    description:
      'Commits the workspace into a new git repository in the configured local directory (workerPlatform.localPublisher.directory); the catalog picks up its catalog-info.yaml.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .regex(/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/, {
              message:
                'must be lowercase letters, digits, ".", "_" and "-", starting and ending with a letter or digit',
            })
            .max(100)
            .describe('Name of the repository directory to create'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace directory to commit; the workspace root by default',
            ),
        defaultBranch: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
              message: 'must be a plain branch name',
            })
            .optional()
            .describe('Branch of the first commit; main by default'),
        gitCommitMessage: z =>
          z.string().optional().describe('Message of the first commit'),
        gitAuthorName: z => z.string().optional().describe('Commit author'),
        gitAuthorEmail: z =>
          z.string().optional().describe('Commit author email'),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('The new repository, as a path git can clone'),
        repoContentsUrl: z =>
          z.string().describe('file:// URL of the repository'),
        catalogInfoUrl: z =>
          z.string().describe('file:// URL of its catalog-info.yaml'),
        commitHash: z =>
          z.string().optional().describe('The first commit (not in dry runs)'),
      },
    },
    async handler(ctx) {
      const sourceDir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.sourcePath,
        'sourcePath',
      );
      const repoDir = path.join(options.directory, ctx.input.repoName);

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create the repository ${repoDir}`);
      } else {
        // In a dry run earlier steps wrote nothing, so only warn for real.
        const catalogInfo = path.join(sourceDir, CATALOG_INFO_FILE);
        if (!(await fs.stat(catalogInfo).catch(() => undefined))) {
          ctx.logger.warn(
            `${
              ctx.input.sourcePath ?? '.'
            }/${CATALOG_INFO_FILE} is missing; the catalog will not list this repository`,
          );
        }
        const { commitHash } = await ctx.checkpoint({
          key: `worker-platform.publish.local.${ctx.input.repoName}`,
          fn: async () => {
            try {
              return await createLocalRepository({
                sourceDir,
                repoDir,
                branch: ctx.input.defaultBranch ?? 'main',
                commitMessage:
                  ctx.input.gitCommitMessage ?? options.defaultCommitMessage,
                author: {
                  name: ctx.input.gitAuthorName ?? options.defaultAuthor.name,
                  email:
                    ctx.input.gitAuthorEmail ?? options.defaultAuthor.email,
                },
              });
            } catch (error) {
              if (error instanceof RepositoryExistsError) {
                throw new InputError(
                  `repoName "${ctx.input.repoName}": ${error.message}; pick another name`,
                );
              }
              throw error;
            }
          },
        });
        ctx.logger.info(`Created ${repoDir} at ${commitHash}`);
        ctx.output('commitHash', commitHash);
      }

      ctx.output('remoteUrl', repoDir);
      ctx.output('repoContentsUrl', pathToFileURL(repoDir).href);
      ctx.output(
        'catalogInfoUrl',
        pathToFileURL(path.join(repoDir, CATALOG_INFO_FILE)).href,
      );
    },
  });
}
