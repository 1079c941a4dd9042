import { useApiHolder } from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { commitUrl } from '../presentation/repository';

/**
 * A function from a git revision to its commit page in the repository at
 * `repositoryUrl`, or undefined when the page cannot be known.
 *
 * The host type comes from the app's SCM integrations (`integrations.*` in
 * app-config), so a self-hosted GitLab at any hostname links the GitLab way.
 * An app without the integrations API still links github.com, which the
 * `github.com/project-slug` annotation names; anything else stays plain text.
 */
export function useCommitUrl(
  repositoryUrl: string | undefined,
): ((revision: string) => string | undefined) | undefined {
  // `get`, not `useApi`: a legacy app may not register the integrations API.
  const scmIntegrations = useApiHolder().get(scmIntegrationsApiRef);
  if (!repositoryUrl) {
    return undefined;
  }
  const integrationType =
    scmIntegrations?.byUrl(repositoryUrl)?.type ??
    (repositoryUrl.startsWith('https://github.com/') ? 'github' : undefined);
  if (!integrationType) {
    return undefined;
  }
  return revision => commitUrl(integrationType, repositoryUrl, revision);
}
