import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesClusterClient } from './KubernetesClusterClient';
import { SCALED_OBJECTS } from './resources';

describe('KubernetesClusterClient', () => {
  let server: Server;
  let requests: IncomingMessage[];
  let closed: Promise<void>;

  beforeEach(async () => {
    requests = [];
    let onClose: () => void;
    closed = new Promise(resolve => {
      onClose = resolve;
    });
    // An API server that accepts requests and never answers them.
    server = createServer(request => {
      requests.push(request);
      request.on('close', () => onClose());
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  function client() {
    const kubeConfig = new KubeConfig();
    const { port } = server.address() as AddressInfo;
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: 'hung',
          server: `http://127.0.0.1:${port}`,
          skipTLSVerify: true,
        },
      ],
      users: [{ name: 'nobody' }],
      contexts: [{ name: 'hung', cluster: 'hung', user: 'nobody' }],
      currentContext: 'hung',
    });
    return new KubernetesClusterClient({ kubeConfig, requestTimeoutMs: 100 });
  }

  it('aborts a list the server never answers, closing its request', async () => {
    await expect(
      client().list(SCALED_OBJECTS, { labelSelector: 'a=b' }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    // The request itself is gone, not left running behind a resolved race.
    await closed;
    expect(requests).toHaveLength(1);
  });

  it('aborts an external-metrics read the same way', async () => {
    await expect(
      client().externalMetric({
        namespace: 'workers',
        metric: 's0-redis-free',
        scaledObject: 'gpu',
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    await closed;
  });
});
