import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { SOURCE_LOCATION_ANNOTATION } from '@worker-platform/plugin-worker-platform-common';
import path from 'node:path';
import { examples } from './repositoryLocate.examples';

/**
 * Options of {@link createRepositoryLocateAction}.
 *
 * @public
 */
export interface RepositoryLocateActionOptions {
  /** Where the local publisher keeps repositories (`workerPlatform.localPublisher.directory`). */
  directory: string;
}

/**
 * Where a service's repository lives, as the later steps of a template need it.
 *
 * @public
 */
export type RepositoryLocation =
  | { publisher: 'local'; repoName: string; remoteUrl: string }
  | { publisher: 'github'; repoUrl: string; remoteUrl: string };

/**
 * Reads a repository location: `file:<directory>/<name>/catalog-info.yaml`
 * for a repository of the local publisher (what the catalog sets for them),
 * or a GitHub URL (`url:https://github.com/<owner>/<repo>[/tree/<ref>/…]`).
 *
 * @public
 */
export function parseSourceLocation(
  sourceLocation: string,
  directory: string,
): RepositoryLocation {
  const colon = sourceLocation.indexOf(':');
  const type = sourceLocation.slice(0, colon);
  const target = sourceLocation.slice(colon + 1);
  if (type === 'file') {
    const repository = path.dirname(path.resolve(target));
    if (path.dirname(repository) !== path.resolve(directory)) {
      throw new InputError(
        `sourceLocation "${sourceLocation}" is not a repository of the local publisher (${directory})`,
      );
    }
    return {
      publisher: 'local',
      repoName: path.basename(repository),
      remoteUrl: repository,
    };
  }
  const github =
    type === 'url' &&
    /^https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\/.*)?$/.exec(
      target,
    );
  if (!github) {
    throw new InputError(
      `sourceLocation "${sourceLocation}" is neither a GitHub repository (url:https://github.com/<owner>/<repo>) nor a repository of the local publisher (file:…)`,
    );
  }
  const [, owner, repo] = github;
  return {
    publisher: 'github',
    repoUrl: `github.com?owner=${owner}&repo=${repo}`,
    remoteUrl: `https://github.com/${owner}/${repo}`,
  };
}

/**
 * A GitHub repository as a form gives it: `https://github.com/<owner>/<repo>`
 * or RepoUrlPicker's `github.com?owner=<owner>&repo=<repo>`.
 */
function parseGitHubRepository(repoUrl: string): RepositoryLocation {
  const picked = /^github\.com\?(.*)$/.exec(repoUrl);
  if (picked) {
    const query = new URLSearchParams(picked[1]);
    const owner = query.get('owner');
    const repo = query.get('repo');
    if (owner && repo) {
      return parseSourceLocation(`url:https://github.com/${owner}/${repo}`, '');
    }
  } else if (repoUrl.startsWith('https://github.com/')) {
    return parseSourceLocation(`url:${repoUrl}`, '');
  }
  throw new InputError(
    `repoUrl "${repoUrl}" is not a GitHub repository (https://github.com/<owner>/<repo>)`,
  );
}

/**
 * Creates the `worker-platform:repository:locate` action: tells a template
 * whether a service's repository is on GitHub or made by the local
 * publisher, from the `backstage.io/source-location` annotation of its
 * entity (read with `catalog:fetch`), so the environment wizard need not ask.
 * Only a service without the annotation needs the GitHub repository from
 * the form.
 *
 * @public
 */
export function createRepositoryLocateAction(
  options: RepositoryLocateActionOptions,
) {
  return createTemplateAction({
    id: 'worker-platform:repository:locate',
    description: `Tells where a service's repository lives (GitHub or the local publisher) from its entity's ${SOURCE_LOCATION_ANNOTATION} annotation, or from a GitHub repository given in the form when the annotation is missing.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourceLocation: z =>
          z
            .string()
            .optional()
            .describe(
              `The entity's ${SOURCE_LOCATION_ANNOTATION} annotation, if it has one`,
            ),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'The GitHub repository (https://github.com/<owner>/<repo>, or RepoUrlPicker form github.com?owner=…&repo=…), used only without sourceLocation',
            ),
      },
      output: {
        publisher: z =>
          z.enum(['local', 'github']).describe('Where the repository lives'),
        repoName: z =>
          z
            .string()
            .optional()
            .describe('The local repository, for worker-platform:fetch:local'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe('The GitHub repository in RepoUrlPicker form'),
        remoteUrl: z =>
          z
            .string()
            .describe('The repository: a directory, or a GitHub https URL'),
      },
    },
    async handler(ctx) {
      const { sourceLocation, repoUrl } = ctx.input;
      let location: RepositoryLocation;
      if (sourceLocation) {
        location = parseSourceLocation(sourceLocation, options.directory);
      } else {
        if (!repoUrl) {
          throw new InputError(
            `The service has no ${SOURCE_LOCATION_ANNOTATION} annotation; repoUrl: give its GitHub repository`,
          );
        }
        location = parseGitHubRepository(repoUrl);
      }
      ctx.logger.info(
        `The repository is ${location.remoteUrl} (${location.publisher})`,
      );
      for (const [key, value] of Object.entries(location)) {
        ctx.output(key as keyof RepositoryLocation, value);
      }
    },
  });
}
