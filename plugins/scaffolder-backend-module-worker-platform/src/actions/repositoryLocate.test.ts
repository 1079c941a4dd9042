import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRepositoryLocateAction } from './repositoryLocate';

describe('worker-platform:repository:locate', () => {
  const action = createRepositoryLocateAction({ directory: '/srv/repos' });

  async function locate(input: Record<string, string | undefined>) {
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    return Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([key, value]) => [key, value]),
    );
  }

  it('reads a local repository from its catalog-info.yaml location', async () => {
    await expect(
      locate({ sourceLocation: 'file:/srv/repos/imagegen/catalog-info.yaml' }),
    ).resolves.toEqual({
      publisher: 'local',
      repoName: 'imagegen',
      remoteUrl: '/srv/repos/imagegen',
    });
  });

  it.each([
    'url:https://github.com/acme/imagegen',
    'url:https://github.com/acme/imagegen.git',
    'url:https://github.com/acme/imagegen/tree/main/',
    'url:https://github.com/acme/imagegen/blob/main/catalog-info.yaml',
  ])('reads a GitHub repository from %s', async sourceLocation => {
    await expect(
      locate({ sourceLocation, repoUrl: 'github.com?owner=other&repo=x' }),
    ).resolves.toEqual({
      publisher: 'github',
      repoUrl: 'github.com?owner=acme&repo=imagegen',
      remoteUrl: 'https://github.com/acme/imagegen',
    });
  });

  it.each([
    'github.com?owner=acme&repo=imagegen',
    'https://github.com/acme/imagegen',
    'https://github.com/acme/imagegen/',
  ])('takes %s from the form without a source location', async repoUrl => {
    await expect(locate({ repoUrl })).resolves.toEqual({
      publisher: 'github',
      repoUrl: 'github.com?owner=acme&repo=imagegen',
      remoteUrl: 'https://github.com/acme/imagegen',
    });
  });

  it('takes the form only when the entity has no source location', async () => {
    await expect(
      locate({ sourceLocation: '', repoUrl: 'github.com?owner=acme&repo=x' }),
    ).resolves.toMatchObject({
      publisher: 'github',
      repoUrl: 'github.com?owner=acme&repo=x',
    });
  });

  it.each([
    [{}, /no backstage.io\/source-location annotation; repoUrl/],
    [
      { sourceLocation: 'file:/elsewhere/imagegen/catalog-info.yaml' },
      /not a repository of the local publisher/,
    ],
    [
      { sourceLocation: 'file:/srv/repos/catalog-info.yaml' },
      /not a repository of the local publisher/,
    ],
    [
      { sourceLocation: 'url:https://gitlab.com/acme/imagegen' },
      /neither a GitHub repository/,
    ],
    [
      { sourceLocation: 'url:https://github.com.evil.example/acme/imagegen' },
      /neither a GitHub repository/,
    ],
    [
      { repoUrl: 'https://gitlab.com/acme/imagegen' },
      /is not a GitHub repository/,
    ],
    [{ repoUrl: 'github.com?owner=acme' }, /is not a GitHub repository/],
  ])('refuses %j', async (input, message) => {
    await expect(locate(input)).rejects.toThrow(message);
  });
});
