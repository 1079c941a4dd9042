import { StatusStore } from './StatusStore';
import { DeploymentSummary } from './types';

function deployment(
  name: string,
  change: Partial<DeploymentSummary> = {},
): DeploymentSummary {
  return {
    kind: 'Deployment',
    cluster: 'prod',
    namespace: 'ns',
    name,
    kubernetesId: 'pingvasai',
    environment: 'production',
    component: 'worker',
    worker: 'gpu',
    desired: 1,
    current: 1,
    ready: 1,
    images: [],
    ...change,
  };
}

describe('StatusStore', () => {
  it('indexes by kubernetes-id and reports real changes only', () => {
    const store = new StatusStore();
    const changes: string[][] = [];
    store.onChange(ids => changes.push([...ids]));

    store.upsert(deployment('a'));
    store.upsert(deployment('a'));
    store.upsert(deployment('b', { kubernetesId: 'other' }));
    store.upsert(deployment('a', { ready: 0 }));

    expect(store.forKubernetesId('pingvasai').map(s => s.name)).toEqual(['a']);
    expect(changes).toEqual([['pingvasai'], ['other'], ['pingvasai']]);
  });

  it('moves a summary whose kubernetes-id label changed', () => {
    const store = new StatusStore();
    const changes: string[][] = [];
    store.onChange(ids => changes.push([...ids]));
    store.upsert(deployment('a'));
    store.upsert(deployment('a', { kubernetesId: 'renamed' }));
    expect(store.forKubernetesId('pingvasai')).toEqual([]);
    expect(store.forKubernetesId('renamed')).toHaveLength(1);
    expect(changes[1].sort()).toEqual(['pingvasai', 'renamed']);
  });

  it('deletes what a full list no longer holds, in that cluster and kind only', () => {
    const store = new StatusStore();
    store.upsert(deployment('a'));
    store.upsert(deployment('b'));
    store.upsert(deployment('a', { cluster: 'staging' }));

    store.beginSync('prod', 'Deployment');
    store.upsert(deployment('b'));
    store.endSync('prod', 'Deployment');

    expect(
      store.forKubernetesId('pingvasai').map(s => `${s.cluster}/${s.name}`),
    ).toEqual(['prod/b', 'staging/a']);
    store.delete('prod', 'Deployment', 'ns', 'b');
    expect(store.size).toBe(1);
  });
});
