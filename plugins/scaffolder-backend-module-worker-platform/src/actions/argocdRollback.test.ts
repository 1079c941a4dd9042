import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fakeDeployOperations } from './__testUtils__/fakeDeployOperations';
import { createArgoCdRollbackAction } from './argocdRollback';

describe('worker-platform:argocd:rollback', () => {
  it('reports that automated sync was switched off', async () => {
    const operations = fakeDeployOperations();
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/pingvasai',
        environment: 'production',
        application: 'pingvasai-production-api',
        historyId: 41,
      },
    });
    await createArgoCdRollbackAction({ operations }).handler(ctx);
    expect(operations.calls[0].request).toEqual({
      environment: 'production',
      operation: 'rollback',
      application: 'pingvasai-production-api',
      historyId: 41,
    });
    expect(ctx.output).toHaveBeenCalledWith('autoSyncDisabled', true);
  });
});
