import http from 'node:http';
import { AddressInfo } from 'node:net';
import { applyScenario } from './applyScenario';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { buildScenario, FakeScenario } from './scenario';

/**
 * A control endpoint beside a fake cluster running in its own process, so an
 * end-to-end test can change the cluster: `PUT /scenario` with a
 * {@link FakeScenario} as JSON applies it (only changed objects produce watch
 * events). Listens on 127.0.0.1 only.
 */
export async function startControlServer(
  cluster: FakeKubernetesApiServer,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'PUT' || req.url !== '/scenario') {
      res.writeHead(404).end('only PUT /scenario is served\n');
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      try {
        const scenario = JSON.parse(body) as FakeScenario;
        // Build first: a scenario with an invalid spec is refused whole.
        buildScenario(scenario);
        applyScenario(cluster, scenario);
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(400).end(`${(error as Error).message}\n`);
      }
    });
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    stop: () => new Promise(resolve => server.close(() => resolve())),
  };
}
