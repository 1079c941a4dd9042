import { JsonObject } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConfigClusterSupplier } from './ConfigClusterSupplier';

const supplierFor = (clusterLocatorMethods: JsonObject[]) => {
  const logger = mockServices.logger.mock();
  const supplier = ConfigClusterSupplier.fromConfig(
    new ConfigReader({ kubernetes: { clusterLocatorMethods } }),
    { logger },
  );
  return { supplier, logger };
};

describe('ConfigClusterSupplier', () => {
  it('reads service-account clusters of type config', async () => {
    const { supplier } = supplierFor([
      { type: 'catalog' },
      {
        type: 'config',
        clusters: [
          {
            name: 'prod-eu',
            url: 'https://10.0.0.1:6443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'secret-token',
            caData: Buffer.from('-----BEGIN CERTIFICATE-----').toString(
              'base64',
            ),
          },
          {
            name: 'dev',
            url: 'http://127.0.0.1:6443',
            skipTLSVerify: true,
          },
        ],
      },
    ]);
    const clusters = await supplier.getClusters();
    expect(clusters.map(c => c.name)).toEqual(['prod-eu', 'dev']);
    const [prod, dev] = clusters.map(c => c.kubeConfig);
    expect(prod.getCurrentCluster()).toMatchObject({
      server: 'https://10.0.0.1:6443',
      skipTLSVerify: false,
      caData: Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64'),
    });
    expect(prod.getCurrentUser()?.token).toBe('secret-token');
    expect(dev.getCurrentCluster()).toMatchObject({ skipTLSVerify: true });
    expect(dev.getCurrentUser()?.token).toBeUndefined();
  });

  it('skips clusters with other auth providers, with a warning', async () => {
    const { supplier, logger } = supplierFor([
      {
        type: 'config',
        clusters: [{ name: 'eks', url: 'https://eks', authProvider: 'aws' }],
      },
    ]);
    expect(await supplier.getClusters()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('eks uses authProvider aws'),
    );
  });

  it('names the key of a malformed cluster', () => {
    expect(() =>
      supplierFor([{ type: 'config', clusters: [{ name: 'no-url' }] }]),
    ).toThrow(/kubernetes\.clusterLocatorMethods\[0\]\.clusters\[0\]\.url/);
  });

  it('refuses a plain http url without skipTLSVerify, which the client would refuse on every call', () => {
    expect(() =>
      supplierFor([
        {
          type: 'config',
          clusters: [{ name: 'local', url: 'http://127.0.0.1:6443' }],
        },
      ]),
    ).toThrow(
      'cluster local has a plain http url; set its skipTLSVerify to true',
    );
  });

  it('has no clusters without kubernetes config', async () => {
    const supplier = ConfigClusterSupplier.fromConfig(new ConfigReader({}), {
      logger: mockServices.logger.mock(),
    });
    expect(await supplier.getClusters()).toEqual([]);
  });
});
