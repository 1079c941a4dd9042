import { ResponseError } from '@backstage/errors';
import { allStates } from '../__fixtures__/allStates';
import { noClusters } from '../__fixtures__/noClusters';
import { noObjects } from '../__fixtures__/noObjects';
import { adviseOnEmptyStatus, adviseOnLoadError } from './loadAdvice';

const ref = 'component:default/pingvasai';

async function responseError(
  status: number,
  body?: object,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(body ? JSON.stringify(body) : null, {
      status,
      statusText: 'Status text',
      headers: body ? { 'content-type': 'application/json' } : {},
    }),
  );
}

const backstageError = (name: string, message: string, statusCode: number) => ({
  error: { name, message },
  request: { method: 'GET', url: `/status/component/default/pingvasai` },
  response: { statusCode },
});

describe('adviseOnLoadError', () => {
  it('says the backend is unreachable when fetch itself fails', () => {
    const advice = adviseOnLoadError(new TypeError('Failed to fetch'), ref);
    expect(advice.title).toBe('Backend unreachable');
    expect(advice.advice).toContain('Failed to fetch');
    expect(advice.advice).toContain('backend.baseUrl');
  });

  it('tells a missing entity apart from a missing backend plugin', async () => {
    const notFound = await responseError(
      404,
      backstageError('NotFoundError', `No entity ${ref}`, 404),
    );
    expect(adviseOnLoadError(notFound, ref).title).toBe('Entity not found');
    expect(adviseOnLoadError(notFound, ref).advice).toContain(ref);

    const nothingMounted = await responseError(404);
    expect(adviseOnLoadError(nothingMounted, ref)).toMatchObject({
      title: 'Status backend not installed',
      advice: expect.stringContaining(
        '@worker-platform/plugin-worker-platform-backend',
      ),
    });
  });

  it('asks to sign in again on 401 and for access on 403', async () => {
    expect(adviseOnLoadError(await responseError(401), ref).title).toBe(
      'Not signed in',
    );
    expect(adviseOnLoadError(await responseError(403), ref).title).toBe(
      'Not allowed',
    );
  });

  it('passes on why the backend rejected the request', async () => {
    const rejected = await responseError(
      400,
      backstageError(
        'InputError',
        `${ref} has no backstage.io/kubernetes-id annotation, so no Kubernetes objects are tied to it`,
        400,
      ),
    );
    expect(adviseOnLoadError(rejected, ref)).toMatchObject({
      title: 'Request rejected',
      advice: expect.stringContaining('has no backstage.io/kubernetes-id'),
    });
  });

  it('passes on the message of a server error', async () => {
    const failed = await responseError(
      500,
      backstageError('Error', 'cache not warmed', 500),
    );
    expect(adviseOnLoadError(failed, ref)).toMatchObject({
      title: 'Status backend failed',
      advice: expect.stringContaining('cache not warmed'),
    });
  });
});

describe('adviseOnEmptyStatus', () => {
  it('names the config key when no cluster is configured', () => {
    expect(adviseOnEmptyStatus(noClusters, 'pingvasai')).toMatchObject({
      title: 'No cluster configured',
      advice: expect.stringContaining('kubernetes.clusterLocatorMethods'),
    });
  });

  it('names the label and clusters searched when nothing is deployed', () => {
    const advice = adviseOnEmptyStatus(noObjects, 'pingvasai');
    expect(advice?.title).toBe('Nothing deployed yet');
    expect(advice?.advice).toContain('backstage.io/kubernetes-id=pingvasai');
    expect(advice?.advice).toContain('nonprod-us-east-1, prod-eu');
  });

  it('has no advice when there is something to show', () => {
    expect(adviseOnEmptyStatus(allStates, 'pingvasai')).toBeUndefined();
  });
});
