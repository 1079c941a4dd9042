import {
  scmIntegrationsApiRef,
  ScmIntegrationsApi,
} from '@backstage/integration-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { RevisionLink } from './RevisionLink';

const sha = '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4';

/** Renders a revision in an app whose SCM integrations come from `integrations`. */
async function renderWithIntegrations(
  repositoryUrl: string,
  integrations: Record<string, Array<Record<string, string>>> = {},
) {
  const scmIntegrations = ScmIntegrationsApi.fromConfig(
    mockApis.config({ data: { integrations } }),
  );
  return renderInTestApp(
    <TestApiProvider apis={[[scmIntegrationsApiRef, scmIntegrations]]}>
      <RevisionLink revision={sha} repositoryUrl={repositoryUrl} />
    </TestApiProvider>,
  );
}

describe('RevisionLink', () => {
  it('links a self-hosted GitLab the GitLab way, whatever its hostname', async () => {
    await renderWithIntegrations('https://git.acme.io/ml/pingvasai', {
      gitlab: [
        { host: 'git.acme.io', apiBaseUrl: 'https://git.acme.io/api/v4' },
      ],
    });

    expect(
      screen.getByRole('link', { name: 'commit 9f3c2a1' }),
    ).toHaveAttribute(
      'href',
      `https://git.acme.io/ml/pingvasai/-/commit/${sha}`,
    );
  });

  it('links a Bitbucket Server repository to its commits page', async () => {
    await renderWithIntegrations(
      'https://bitbucket.acme.io/projects/ML/repos/pingvasai',
      { bitbucketServer: [{ host: 'bitbucket.acme.io' }] },
    );

    expect(
      screen.getByRole('link', { name: 'commit 9f3c2a1' }),
    ).toHaveAttribute(
      'href',
      `https://bitbucket.acme.io/projects/ML/repos/pingvasai/commits/${sha}`,
    );
  });

  it('links github.com through the integration every app has by default', async () => {
    await renderWithIntegrations('https://github.com/acme/pingvasai');

    expect(
      screen.getByRole('link', { name: 'commit 9f3c2a1' }),
    ).toHaveAttribute(
      'href',
      `https://github.com/acme/pingvasai/commit/${sha}`,
    );
  });

  it('shows the revision as text when no integration names the host', async () => {
    // gitlab.internal would have been guessed GitLab from its name; it is not configured.
    await renderWithIntegrations('https://gitlab.internal/ml/pingvasai');

    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('9f3c2a1')).toHaveAttribute('title', sha);
  });

  it('still links github.com in an app without the integrations API', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[]}>
        <RevisionLink
          revision={sha}
          repositoryUrl="https://github.com/acme/pingvasai"
        />
      </TestApiProvider>,
    );

    expect(
      screen.getByRole('link', { name: 'commit 9f3c2a1' }),
    ).toHaveAttribute(
      'href',
      `https://github.com/acme/pingvasai/commit/${sha}`,
    );
  });

  it('shows the revision as text without a repository', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[]}>
        <RevisionLink revision={sha} />
      </TestApiProvider>,
    );

    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('9f3c2a1')).toBeInTheDocument();
  });
});
