import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createKedaPauseAction } from './kedaPause';

describe('worker-platform:keda:pause', () => {
  it('pauses at a replica count, or where the pool is', async () => {
    const operations = fakeDeployOperations();
    const action = createKedaPauseAction({ operations });
    const base = {
      entityRef: 'component:default/pingvasai',
      environment: 'staging',
      worker: 'gpu',
    };
    await action.handler(createMockActionContext({ input: base }));
    await action.handler(
      createMockActionContext({ input: { ...base, replicas: 0 } }),
    );
    expect(operations.calls.map(call => call.request)).toEqual([
      { environment: 'staging', operation: 'pause', worker: 'gpu' },
      {
        environment: 'staging',
        operation: 'pause',
        worker: 'gpu',
        replicas: 0,
      },
    ]);
  });
});
