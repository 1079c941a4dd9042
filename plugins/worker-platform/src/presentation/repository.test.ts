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
      'https://github.com/acme/pingvasai',
      `https://github.com/acme/pingvasai/commit/${sha}`,
    ],
    [
      'https://gitlab.com/acme/pingvasai',
      `https://gitlab.com/acme/pingvasai/-/commit/${sha}`,
    ],
    [
      'https://bitbucket.org/acme/pingvasai',
      `https://bitbucket.org/acme/pingvasai/commits/${sha}`,
    ],
  ])('links a commit in %s', (repo, expected) => {
    expect(commitUrl(repo, sha)).toBe(expected);
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
