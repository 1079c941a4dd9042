import { Entity } from '@backstage/catalog-model';
import { LocalRepositoryLocationProcessor } from './LocalRepositoryLocationProcessor';

describe('LocalRepositoryLocationProcessor', () => {
  const processor = new LocalRepositoryLocationProcessor({
    directory: '/srv/repos',
  });
  const rendered: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'imagegen',
      annotations: {
        'backstage.io/kubernetes-id': 'imagegen',
        'backstage.io/source-location':
          'url:https://github.com/example/imagegen',
        'backstage.io/techdocs-ref': 'dir:.',
        'github.com/project-slug': 'example/imagegen',
      },
    },
    spec: { type: 'service', owner: 'group:default/platform' },
  };

  it("points the source location at a local repository's directory and drops the GitHub slug", async () => {
    const processed = await processor.preProcessEntity(rendered, {
      type: 'file',
      target: '/srv/repos/imagegen/catalog-info.yaml',
    });
    expect(processed.metadata.annotations).toEqual({
      'backstage.io/kubernetes-id': 'imagegen',
      'backstage.io/source-location':
        'file:/srv/repos/imagegen/catalog-info.yaml',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(processed.spec).toBe(rendered.spec);
  });

  it.each([
    [
      'a GitHub repository',
      {
        type: 'url',
        target: 'https://github.com/acme/imagegen/blob/main/catalog-info.yaml',
      },
    ],
    [
      'a file elsewhere',
      { type: 'file', target: '/srv/other/imagegen/catalog-info.yaml' },
    ],
    [
      'a file deeper in the directory',
      { type: 'file', target: '/srv/repos/imagegen/sub/catalog-info.yaml' },
    ],
    [
      'a file beside the directory',
      { type: 'file', target: '/srv/repos-evil/imagegen/catalog-info.yaml' },
    ],
  ])('leaves entities from %s alone', async (_, location) => {
    expect(await processor.preProcessEntity(rendered, location)).toBe(rendered);
  });

  it('leaves the Location entities of the provider alone', async () => {
    const location: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'generated-1' },
      spec: { type: 'file', target: '/srv/repos/imagegen/catalog-info.yaml' },
    };
    expect(
      await processor.preProcessEntity(location, {
        type: 'file',
        target: '/srv/repos/imagegen/catalog-info.yaml',
      }),
    ).toBe(location);
  });
});
