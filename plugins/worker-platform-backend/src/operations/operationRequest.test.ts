import { parseOperationRequest } from './operationRequest';

const error = (body: unknown) => {
  try {
    parseOperationRequest(body);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parseOperationRequest', () => {
  it('accepts each operation with its target', () => {
    expect(
      parseOperationRequest({
        environment: 'production',
        operation: 'sync',
        application: 'pingvasai-production-api',
        revision: 'main',
        prune: true,
      }),
    ).toMatchObject({ operation: 'sync', revision: 'main', prune: true });
    expect(
      parseOperationRequest({
        environment: 'staging',
        operation: 'pause',
        worker: 'gpu',
        replicas: 2,
        dryRun: true,
      }),
    ).toMatchObject({ worker: 'gpu', replicas: 2, dryRun: true });
  });

  it.each([
    [{}, 'environment: is required'],
    [{ environment: 'Prod!', operation: 'sync' }, 'environment: must be'],
    [{ environment: 'p', operation: 'delete' }, 'operation: must be one of'],
    [{ environment: 'p', operation: 'sync' }, 'application: is required'],
    [{ environment: 'p', operation: 'pause' }, 'worker: is required'],
    [
      { environment: 'p', operation: 'rollback', application: 'a' },
      'historyId: is required for rollback',
    ],
    [
      { environment: 'p', operation: 'pause', worker: 'w', replicas: -1 },
      'replicas: ',
    ],
    [
      { environment: 'p', operation: 'resume', worker: 'w', replicas: 1 },
      'replicas: is for pause only',
    ],
    [
      {
        environment: 'p',
        operation: 'sync',
        application: 'a',
        revision: '$(x)',
      },
      'revision: must be a git revision',
    ],
    [
      { environment: 'p', operation: 'sync', application: 'a', extra: 1 },
      'extra: unknown field',
    ],
  ])('refuses %j, naming the field', (body, message) => {
    expect(error(body)).toContain(message);
  });
});
