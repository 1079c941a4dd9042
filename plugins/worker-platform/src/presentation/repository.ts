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
  // Keep `/owner/repo` (GitLab groups may nest); drop `/tree/<ref>/…`, `/-/…`
  // and `.git` that source locations usually carry.
  const repoPath = url.pathname
    .split(/\/(?:-|tree|blob|src)\//)[0]
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return repoPath ? `${url.origin}${repoPath}` : undefined;
}

/** The page of one commit in the repository's web UI. */
export function commitUrl(repositoryUrl: string, revision: string): string {
  const { hostname } = new URL(repositoryUrl);
  if (hostname.includes('gitlab')) {
    return `${repositoryUrl}/-/commit/${revision}`;
  }
  if (hostname.includes('bitbucket')) {
    return `${repositoryUrl}/commits/${revision}`;
  }
  return `${repositoryUrl}/commit/${revision}`;
}

/** A git revision as people read it: the first 7 characters of a SHA. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
