import {
  ANNOTATION_SOURCE_LOCATION,
  type Entity,
} from '@backstage/catalog-model';

/** The annotation GitHub-aware plugins read the repository from: `owner/repo`. */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/**
 * The web URL of the entity's source repository, from `github.com/project-slug`
 * or else `backstage.io/source-location`; undefined when neither names one.
 */
export function repositoryUrlOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const slug = annotations[GITHUB_PROJECT_SLUG_ANNOTATION];
  if (slug && /^[\w.-]+\/[\w.-]+$/.test(slug)) {
    return `https://github.com/${slug}`;
  }
  const location = annotations[ANNOTATION_SOURCE_LOCATION];
  const target = location?.match(/^url:(https?:\/\/.+)$/)?.[1];
  if (!target) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  // Keep `/owner/repo` (GitLab groups may nest); drop what source locations
  // carry after it: `/tree/<ref>/…`, `/blob/…`, GitLab's `/-/…`, Bitbucket's
  // and Gitea's `/src/…`, Bitbucket Server's `/browse/…`, Gitiles' `/+/…`, `.git`.
  const repoPath = url.pathname
    .split(/\/(?:-|tree|blob|src|browse|\+)\//)[0]
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return repoPath ? `${url.origin}${repoPath}` : undefined;
}

/**
 * Where the commit page sits under a repository's URL, for each type of
 * Backstage SCM integration (`integrations.<type>` in app-config) that has one.
 */
const commitPathByIntegrationType = new Map<string, string>([
  ['github', '/commit/'],
  ['gitlab', '/-/commit/'],
  ['bitbucketCloud', '/commits/'],
  ['bitbucketServer', '/commits/'],
  ['azure', '/commit/'],
  ['gitea', '/commit/'],
  // Gerrit's repository pages are Gitiles pages, where `/+/<revision>` is the commit.
  ['gerrit', '/+/'],
]);

/**
 * The page of one commit in the web UI of the repository at `repositoryUrl`,
 * hosted by an SCM integration of type `integrationType` (`github`, `gitlab`,
 * `bitbucketServer` …). Undefined for a host type without commit pages (S3,
 * Harness …) and when no integration is known: a guess from the hostname
 * would send people to a page that does not exist.
 */
export function commitUrl(
  integrationType: string | undefined,
  repositoryUrl: string,
  revision: string,
): string | undefined {
  const path = integrationType
    ? commitPathByIntegrationType.get(integrationType)
    : undefined;
  if (!path) {
    return undefined;
  }
  const repository = repositoryUrl.replace(/\/+$/, '');
  return `${repository}${path}${encodeURIComponent(revision)}`;
}

/** A git revision as people read it: the first 7 characters of a SHA. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
