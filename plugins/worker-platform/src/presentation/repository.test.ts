import type { Entity } from '@backstage/catalog-model';
import { commitUrl, repositoryUrlOf, shortRevision } from './repository';

const entityWith = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'pingvasai', annotations },
});

describe('repositoryUrlOf', () => {
  it('reads the GitHub project slug', () => {
    expect(
      repositoryUrlOf(
        entityWith({ 'github.com/project-slug': 'acme/pingvasai' }),
      ),
    ).toBe('https://github.com/acme/pingvasai');
  });

  it.each([
    [
      'url:https://github.com/acme/pingvasai/tree/main/',
      'https://github.com/acme/pingvasai',
    ],
    [
      'url:https://gitlab.example.com/ml/image/pingvasai/-/tree/main',
      'https://gitlab.example.com/ml/image/pingvasai',
    ],
    [
      'url:https://git.example.com/acme/pingvasai.git',
      'https://git.example.com/acme/pingvasai',
    ],
    [
      'url:https://bitbucket.acme.io/projects/ML/repos/pingvasai/browse/catalog-info.yaml',
      'https://bitbucket.acme.io/projects/ML/repos/pingvasai',
    ],
    [
      'url:https://gerrit.acme.io/gitiles/pingvasai/+/refs/heads/main/catalog-info.yaml',
      'https://gerrit.acme.io/gitiles/pingvasai',
    ],
  ])('reads the source location %s', (location, expected) => {
    expect(
      repositoryUrlOf(entityWith({ 'backstage.io/source-location': location })),
    ).toBe(expected);
  });

  it('is undefined when neither annotation names a repository', () => {
    expect(repositoryUrlOf(entityWith({}))).toBeUndefined();
    expect(
      repositoryUrlOf(
        entityWith({ 'backstage.io/source-location': 'file:/srv/pingvasai' }),
      ),
    ).toBeUndefined();
  });

  it('ignores a project slug that is not owner/repo', () => {
    expect(
      repositoryUrlOf(entityWith({ 'github.com/project-slug': 'pingvasai' })),
    ).toBeUndefined();
  });
});

describe('commitUrl', () => {
  const sha = '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4';

  it.each([
    [
      'github',
      'https://github.com/acme/pingvasai',
      `https://github.com/acme/pingvasai/commit/${sha}`,
    ],
    [
      'gitlab',
      'https://git.acme.io/ml/image/pingvasai',
      `https://git.acme.io/ml/image/pingvasai/-/commit/${sha}`,
    ],
    [
      'bitbucketCloud',
      'https://bitbucket.org/acme/pingvasai',
      `https://bitbucket.org/acme/pingvasai/commits/${sha}`,
    ],
    [
      'bitbucketServer',
      'https://bitbucket.acme.io/projects/ML/repos/pingvasai',
      `https://bitbucket.acme.io/projects/ML/repos/pingvasai/commits/${sha}`,
    ],
    [
      'azure',
      'https://dev.azure.com/acme/ml/_git/pingvasai',
      `https://dev.azure.com/acme/ml/_git/pingvasai/commit/${sha}`,
    ],
    [
      'gitea',
      'https://gitea.acme.io/acme/pingvasai',
      `https://gitea.acme.io/acme/pingvasai/commit/${sha}`,
    ],
    [
      'gerrit',
      'https://gerrit.acme.io/gitiles/pingvasai',
      `https://gerrit.acme.io/gitiles/pingvasai/+/${sha}`,
    ],
  ])('links a commit on a %s host', (type, repo, expected) => {
    expect(commitUrl(type, repo, sha)).toBe(expected);
  });

  it('does not link a host type without commit pages, nor an unknown host', () => {
    expect(
      commitUrl('awsS3', 'https://s3.amazonaws.com/acme/pingvasai', sha),
    ).toBeUndefined();
    expect(
      commitUrl(undefined, 'https://git.example.com/acme/pingvasai', sha),
    ).toBeUndefined();
  });
});

describe('shortRevision', () => {
  it('shortens a full SHA to 7 characters', () => {
    expect(shortRevision('9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4')).toBe(
      '9f3c2a1',
    );
  });

  it('keeps a tag or branch name whole', () => {
    expect(shortRevision('v1.4.2')).toBe('v1.4.2');
  });
});
