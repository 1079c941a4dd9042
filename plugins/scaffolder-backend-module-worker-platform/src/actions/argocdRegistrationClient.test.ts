import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpArgoCdRegistrationCaller } from './argocdRegistrationClient';

describe('HttpArgoCdRegistrationCaller', () => {
  let server: http.Server;
  let answer: { status: number; body: unknown };
  const seen: Array<{ url?: string; auth?: string; body: string }> = [];
  let caller: HttpArgoCdRegistrationCaller;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        seen.push({ url: req.url, auth: req.headers.authorization, body });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    caller = new HttpArgoCdRegistrationCaller({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async plugin => `http://127.0.0.1:${port}/api/${plugin}`,
      }),
      auth: mockServices.auth(),
    });
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  const objects = [
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'thumbnailer', namespace: 'argocd' },
    },
  ];
  const register = () =>
    caller.register({
      entityRef: 'thumbnailer',
      cluster: 'prod-eu',
      objects,
      dryRun: true,
      credentials: mockCredentials.user('user:default/jane'),
    });

  it("posts the objects to the registrations route as the task's initiator", async () => {
    answer = { status: 200, body: { result: 'dry-run', objects: [] } };
    await expect(register()).resolves.toEqual({
      result: 'dry-run',
      objects: [],
    });
    expect(seen.at(-1)).toEqual({
      url: '/api/worker-platform/registrations/component/default/thumbnailer',
      auth: expect.stringContaining('user:default/jane'),
      body: JSON.stringify({ cluster: 'prod-eu', objects, dryRun: true }),
    });
  });

  it.each([
    [400, 'InputError'],
    [403, 'NotAllowedError'],
    [500, 'Error'],
  ])('turns HTTP %i into %s with the backend message', async (status, name) => {
    answer = { status, body: { error: { message: 'the reason' } } };
    await expect(register()).rejects.toMatchObject({
      name,
      message: status === 500 ? 'the reason (HTTP 500)' : 'the reason',
    });
  });
});
