import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createArgoCdSyncAction } from './argocdSync';

const input = {
  entityRef: 'component:default/pingvasai',
  environment: 'staging',
  application: 'pingvasai-staging-api',
};

describe('worker-platform:argocd:sync', () => {
  it('syncs as the initiator, in a checkpoint, and sets the outputs', async () => {
    const operations = fakeDeployOperations();
    const ctx = createMockActionContext({ input });
    const checkpoint = jest.spyOn(ctx, 'checkpoint');
    await createArgoCdSyncAction({ operations }).handler(ctx);
    expect(operations.calls).toEqual([
      {
        entityRef: input.entityRef,
        request: {
          environment: 'staging',
          operation: 'sync',
          application: 'pingvasai-staging-api',
        },
      },
    ]);
    expect(checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'worker-platform-sync-component:default/pingvasai-staging-pingvasai-staging-api',
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'target',
      'Application argocd/pingvasai-staging-api',
    );
    expect(ctx.output).toHaveBeenCalledWith('dryRun', false);
  });

  it('asks the backend for a dry run in a dry run', async () => {
    const operations = fakeDeployOperations();
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };
    await createArgoCdSyncAction({ operations }).handler(ctx);
    expect(operations.calls[0].request).toMatchObject({ dryRun: true });
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
  });
});
