import type { Entity } from '@backstage/catalog-model';
import { isWorkerPlatformAvailable } from './entityFilter';

const entity = (kind: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'pingvasai', annotations },
});

describe('isWorkerPlatformAvailable', () => {
  it('applies to a Component with a kubernetes-id', () => {
    expect(
      isWorkerPlatformAvailable(
        entity('Component', { 'backstage.io/kubernetes-id': 'pingvasai' }),
      ),
    ).toBe(true);
  });

  it('does not apply to a Component without one', () => {
    expect(
      isWorkerPlatformAvailable(
        entity('Component', { 'github.com/project-slug': 'acme/pingvasai' }),
      ),
    ).toBe(false);
  });

  it('does not apply to other kinds carrying the annotation', () => {
    expect(
      isWorkerPlatformAvailable(
        entity('Resource', { 'backstage.io/kubernetes-id': 'pingvasai' }),
      ),
    ).toBe(false);
  });
});
