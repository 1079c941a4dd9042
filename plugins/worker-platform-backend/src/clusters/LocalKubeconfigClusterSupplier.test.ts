import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKubeconfigClusterSupplier } from './LocalKubeconfigClusterSupplier';

const KUBECONFIG = `
apiVersion: v1
kind: Config
current-context: kind-dev
clusters:
  - name: kind-dev
    cluster: { server: 'https://127.0.0.1:40123' }
  - name: staging
    cluster: { server: 'https://staging.example.com' }
contexts:
  - name: kind-dev
    context: { cluster: kind-dev, user: dev }
  - name: staging
    context: { cluster: staging, user: dev }
users:
  - name: dev
    user: { token: local-token }
`;

describe('LocalKubeconfigClusterSupplier', () => {
  const previous = process.env.KUBECONFIG;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
    process.env.KUBECONFIG = join(dir, 'config');
    writeFileSync(process.env.KUBECONFIG, KUBECONFIG);
  });
  afterAll(() => {
    // Assigning undefined would leave the string "undefined" behind.
    if (previous === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = previous;
  });

  const supplier = (localKubeconfig: object) =>
    LocalKubeconfigClusterSupplier.fromConfig(
      new ConfigReader({ workerPlatform: { localKubeconfig } }),
    );

  it('is off unless enabled', () => {
    expect(supplier({})).toBeUndefined();
    expect(
      LocalKubeconfigClusterSupplier.fromConfig(new ConfigReader({})),
    ).toBeUndefined();
  });

  it('uses the current context, named after it', async () => {
    const [cluster] = await supplier({ enabled: true })!.getClusters();
    expect(cluster.name).toBe('kind-dev');
    expect(cluster.kubeConfig.getCurrentCluster()?.server).toBe(
      'https://127.0.0.1:40123',
    );
  });

  it('uses another context when told, and names a missing one', async () => {
    const [cluster] = await supplier({
      enabled: true,
      context: 'staging',
    })!.getClusters();
    expect(cluster.name).toBe('staging');
    expect(() => supplier({ enabled: true, context: 'nope' })).toThrow(
      'workerPlatform.localKubeconfig.context: no context named nope',
    );
  });
});
