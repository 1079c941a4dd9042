import { KubeConfig } from '@kubernetes/client-node';
import { collectClusters } from './clusterSuppliers';

const supplier = (...names: string[]) => ({
  getClusters: async () =>
    names.map(name => ({ name, kubeConfig: new KubeConfig() })),
});

describe('collectClusters', () => {
  it('joins the clusters of every supplier', async () => {
    const clusters = await collectClusters([supplier('a', 'b'), supplier('c')]);
    expect(clusters.map(c => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('refuses two clusters of one name', async () => {
    await expect(
      collectClusters([supplier('a'), supplier('a')]),
    ).rejects.toThrow('two clusters are named a');
  });
});
