import { describeError } from './describeError';
import { SCALED_OBJECTS } from './resources';

describe('describeError', () => {
  it('names the status and a hint', () => {
    expect(describeError({ statusCode: 404 }, SCALED_OBJECTS)).toBe(
      'scaledobjects.keda.sh: the API server answered HTTP 404 (is its CRD installed?)',
    );
    expect(describeError({ code: 500, body: 'secret' })).toBe(
      'the API server answered HTTP 500',
    );
  });

  it('names network errors by code only', () => {
    const error = Object.assign(new TypeError('fetch failed'), {
      cause: {
        code: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED 10.0.0.1:6443',
      },
    });
    expect(describeError(error)).toBe(
      'cannot reach the API server (ECONNREFUSED)',
    );
  });

  it('never repeats the message, which may hold a URL', () => {
    const text = describeError(
      new Error('request to https://token@10.0.0.1:6443/apis failed'),
    );
    expect(text).not.toContain('10.0.0.1');
    expect(text).toBe('the request failed (see the backend log)');
    expect(describeError(new DOMException('aborted', 'TimeoutError'))).toBe(
      'the API server did not answer in time',
    );
  });
});
