import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpDeployOperationCaller } from './deployOperationClient';

describe('HttpDeployOperationCaller', () => {
  let server: http.Server;
  let answer: { status: number; body: unknown };
  const seen: Array<{ url?: string; auth?: string; body: string }> = [];
  let caller: HttpDeployOperationCaller;

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
    caller = new HttpDeployOperationCaller({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async plugin => `http://127.0.0.1:${port}/api/${plugin}`,
      }),
      auth: mockServices.auth(),
    });
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  const run = () =>
    caller.run({
      entityRef: 'pingvasai',
      request: { environment: 'staging', operation: 'pause', worker: 'gpu' },
      credentials: mockCredentials.user('user:default/jane'),
    });

  it("posts to the operations route on behalf of the task's initiator", async () => {
    answer = { status: 202, body: { operation: 'pause', message: 'ok' } };
    await expect(run()).resolves.toEqual({ operation: 'pause', message: 'ok' });
    expect(seen.at(-1)).toEqual({
      url: '/api/worker-platform/operations/component/default/pingvasai',
      auth: expect.stringMatching(/^Bearer /),
      body: JSON.stringify({
        environment: 'staging',
        operation: 'pause',
        worker: 'gpu',
      }),
    });
    expect(seen.at(-1)!.auth).toContain('user:default/jane');
  });

  it.each([
    [400, 'InputError'],
    [403, 'NotAllowedError'],
    [404, 'NotFoundError'],
    [409, 'ConflictError'],
    [502, 'Error'],
  ])(
    "turns HTTP %i into a %s with the backend's message",
    async (status, name) => {
      answer = { status, body: { error: { message: 'because' } } };
      await expect(run()).rejects.toMatchObject({
        name,
        message: expect.stringContaining('because'),
      });
    },
  );
});
