import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { allStates } from '../__fixtures__/allStates';
import { WorkerPlatformClient } from './WorkerPlatformClient';

const server = setupServer();
const statusUrl = 'http://localhost:7007/api/worker-platform/status';

describe('WorkerPlatformClient', () => {
  registerMswTestHooks(server);

  const client = new WorkerPlatformClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: mockApis.fetch(),
  });
  const pingvasai = {
    kind: 'component',
    namespace: 'default',
    name: 'pingvasai',
  };

  it('fetches the status of an entity by kind, namespace and name', async () => {
    server.use(
      http.get(`${statusUrl}/:kind/:namespace/:name`, ({ params }) =>
        params.kind === 'component' &&
        params.namespace === 'default' &&
        params.name === 'pingvasai'
          ? HttpResponse.json(allStates)
          : HttpResponse.json({ unexpected: params }, { status: 400 }),
      ),
    );

    await expect(client.getEntityDeployStatus(pingvasai)).resolves.toEqual(
      allStates,
    );
  });

  it('asks for the history of one environment over a window', async () => {
    const seen: string[] = [];
    server.use(
      http.get(
        'http://localhost:7007/api/worker-platform/history/*',
        ({ request }) => {
          const url = new URL(request.url);
          seen.push(`${url.pathname}${url.search}`);
          return HttpResponse.json({ environments: [] });
        },
      ),
    );

    await client.getEntityScalingHistory(pingvasai, {
      environment: 'production',
    });
    await client.getEntityScalingHistory(pingvasai, { minutes: 15 });

    expect(seen).toEqual([
      '/api/worker-platform/history/component/default/pingvasai?environment=production&minutes=60',
      '/api/worker-platform/history/component/default/pingvasai?minutes=15',
    ]);
  });

  it('escapes each part of the entity ref into its own path segment', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${statusUrl}/*`, ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json(allStates);
      }),
    );

    await client.getEntityDeployStatus({
      kind: 'component',
      namespace: 'team a',
      name: 'a/b',
    });

    expect(seen).toEqual([
      '/api/worker-platform/status/component/team%20a/a%2Fb',
    ]);
  });

  it('rejects with a ResponseError that carries the backend error', async () => {
    server.use(
      http.get(`${statusUrl}/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No entity component:default/pingvasai',
            },
            request: {
              method: 'GET',
              url: '/status/component/default/pingvasai',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getEntityDeployStatus(pingvasai)
      .catch((e: unknown) => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 404,
      cause: {
        name: 'NotFoundError',
        message: 'No entity component:default/pingvasai',
      },
    });
  });

  it('passes the abort signal to fetch', async () => {
    server.use(
      http.get(`${statusUrl}/:kind/:namespace/:name`, async () => {
        await new Promise(resolve => setTimeout(resolve, 1000));
        return HttpResponse.json(allStates);
      }),
    );
    const controller = new AbortController();

    const pending = client.getEntityDeployStatus(pingvasai, {
      signal: controller.signal,
    });
    controller.abort();

    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('posts an operation as JSON and returns the result', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(
        'http://localhost:7007/api/worker-platform/operations/component/default/pingvasai',
        async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(
            { operation: 'sync', message: 'ArgoCD will sync x' },
            { status: 202 },
          );
        },
      ),
    );
    const request = {
      environment: 'production',
      operation: 'sync' as const,
      application: 'pingvasai-production-api',
    };
    await expect(client.runOperation(pingvasai, request)).resolves.toEqual({
      operation: 'sync',
      message: 'ArgoCD will sync x',
    });
    expect(bodies).toEqual([request]);
  });

  it("rejects a refused operation with the backend's message", async () => {
    server.use(
      http.post('http://localhost:7007/api/worker-platform/operations/*', () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'Cannot sync: busy' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await client
      .runOperation(pingvasai, {
        environment: 'production',
        operation: 'sync',
        application: 'a',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('Cannot sync: busy');
  });

  it('lists the clusters open for registration', async () => {
    server.use(
      http.get(
        'http://localhost:7007/api/worker-platform/registrations/clusters',
        () =>
          HttpResponse.json({
            clusters: [{ name: 'prod-eu', namespace: 'argocd' }],
          }),
      ),
    );
    await expect(client.getRegistrationClusters()).resolves.toEqual([
      { name: 'prod-eu', namespace: 'argocd' },
    ]);
  });
});
