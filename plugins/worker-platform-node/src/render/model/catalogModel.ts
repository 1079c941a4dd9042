import {
  apiEntityName,
  ENVIRONMENTS_ANNOTATION,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
  TECHDOCS_REF_ANNOTATION,
} from '@worker-platform/plugin-worker-platform-common';
import type { DeliveryStrategy } from '@worker-platform/plugin-worker-platform-common';
import type { CatalogModel, RunbookModel } from './types';

/**
 * The runbooks a service gets, in the order the docs list them: the two
 * every service needs, then the one of its delivery strategy.
 */
export function deriveRunbooks(delivery: DeliveryStrategy): RunbookModel[] {
  return [
    { title: 'The API does not answer', file: 'runbooks/api-down.md' },
    {
      title: 'A worker pool does not scale',
      file: 'runbooks/keda-not-scaling.md',
    },
    ...(delivery === 'blue-green'
      ? [
          {
            title: 'Switch blue-green traffic',
            file: 'runbooks/blue-green-switch.md',
          },
        ]
      : []),
    ...(delivery === 'canary'
      ? [
          {
            title: 'A canary release fails',
            file: 'runbooks/canary-rollback.md',
          },
        ]
      : []),
  ];
}

/**
 * `owner/repo` of a repository URL on github.com (https, ssh or scp-like
 * form, with or without `.git`); undefined for any other host.
 */
export function githubProjectSlug(repoUrl: string): string | undefined {
  const match =
    /^(?:https?:\/\/|ssh:\/\/git@)github\.com[/:]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(
      repoUrl,
    ) ?? /^git@github\.com:([^/\s]+)\/([^/\s]+?)(?:\.git)?$/.exec(repoUrl);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * What the generated `catalog-info.yaml` says beyond the Component's name:
 * its API entity, where its source and docs are, and its System.
 */
export function deriveCatalog(options: {
  name: string;
  repoUrl: string;
  system?: string;
  /** Environment names in spec order. */
  environments: string[];
}): CatalogModel {
  const slug = githubProjectSlug(options.repoUrl);
  return {
    apiEntity: apiEntityName(options.name),
    system: options.system,
    annotations: {
      sourceLocation: SOURCE_LOCATION_ANNOTATION,
      techdocsRef: TECHDOCS_REF_ANNOTATION,
      githubProjectSlug: GITHUB_PROJECT_SLUG_ANNOTATION,
      environments: ENVIRONMENTS_ANNOTATION,
    },
    // The status page lists environments (and the promotion matrix its
    // columns) in this order.
    environments: options.environments.join(','),
    // Backstage reads a source location as a web URL: a GitHub repository
    // given in ssh form is linked by its https address.
    sourceLocation: `url:${
      slug ? `https://github.com/${slug}` : options.repoUrl
    }`,
    githubProjectSlug: slug,
  };
}
