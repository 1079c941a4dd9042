import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createKedaResumeAction } from './kedaResume';

describe('worker-platform:keda:resume', () => {
  it('resumes the pool and reports where', async () => {
    const operations = fakeDeployOperations();
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/pingvasai',
        environment: 'staging',
        worker: 'gpu',
      },
    });
    await createKedaResumeAction({ operations }).handler(ctx);
    expect(operations.calls[0].request).toEqual({
      environment: 'staging',
      operation: 'resume',
      worker: 'gpu',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'target',
      'ScaledObject pingvasai-staging-worker/pingvasai-gpu-worker',
    );
  });
});
