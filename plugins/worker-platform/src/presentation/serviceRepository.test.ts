import type { Entity } from '@backstage/catalog-model';
import { serviceRepositoryOf } from './serviceRepository';

const withSourceLocation = (sourceLocation?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'thumbnailer',
    annotations: sourceLocation
      ? { 'backstage.io/source-location': sourceLocation }
      : {},
  },
});

describe('serviceRepositoryOf', () => {
  it('reads a GitHub repository, without the ref and path a source location carries', () => {
    expect(
      serviceRepositoryOf(
        withSourceLocation(
          'url:https://github.com/acme/thumbnailer/tree/main/',
        ),
      ),
    ).toEqual({
      publisher: 'github',
      url: 'https://github.com/acme/thumbnailer',
    });
    expect(
      serviceRepositoryOf(
        withSourceLocation('url:https://github.com/acme/thumbnailer.git'),
      ),
    ).toEqual({
      publisher: 'github',
      url: 'https://github.com/acme/thumbnailer',
    });
  });

  it("reads a local publisher's repository from its catalog-info.yaml", () => {
    expect(
      serviceRepositoryOf(
        withSourceLocation(
          'file:/tmp/worker-platform-repos/thumbnailer/catalog-info.yaml',
        ),
      ),
    ).toEqual({
      publisher: 'local',
      directory: '/tmp/worker-platform-repos/thumbnailer',
    });
  });

  it('knows none without the annotation or with one the wizard cannot use', () => {
    expect(serviceRepositoryOf(undefined)).toBeUndefined();
    expect(serviceRepositoryOf(withSourceLocation())).toBeUndefined();
    expect(
      serviceRepositoryOf(
        withSourceLocation('url:https://gitlab.com/acme/thumbnailer'),
      ),
    ).toBeUndefined();
    expect(
      serviceRepositoryOf(
        withSourceLocation('file:relative/catalog-info.yaml'),
      ),
    ).toBeUndefined();
  });
});
