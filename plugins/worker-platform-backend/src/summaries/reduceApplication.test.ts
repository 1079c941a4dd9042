import { applicationFixture as application } from '@worker-platform/plugin-worker-platform-test-utils';
import { reduceApplication } from './reduceApplication';

describe('reduceApplication', () => {
  it('keeps sync, health, revision, operation and history, newest first', () => {
    const summary = reduceApplication(application, 'prod-eu');
    expect(summary).toEqual({
      kind: 'Application',
      cluster: 'prod-eu',
      namespace: 'argocd',
      name: 'pingvasai-production-api',
      kubernetesId: 'pingvasai',
      environment: 'production',
      component: 'api',
      worker: null,
      sync: 'Synced',
      health: 'Healthy',
      revision: '9f3e6b1d2c4a5e7f8091a2b3c4d5e6f708192a3b',
      operation: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: '2026-11-28T14:01:47Z',
        finishedAt: '2026-11-28T14:02:21Z',
      },
      conditions: [],
      autoSync: false,
      autoSyncDisabledByRollback: false,
      images: [
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/pingvasai-api:9f3e6b1',
      ],
      history: [
        {
          id: 42,
          revision: '9f3e6b1d2c4a5e7f8091a2b3c4d5e6f708192a3b',
          deployedAt: '2026-11-28T14:02:21Z',
        },
        {
          id: 41,
          revision: '5d1c0a7e3b9f42c6a8e1d7f0b3c2a9e8d4f6b1a2',
          deployedAt: '2026-11-26T09:58:40Z',
        },
      ],
    });
    // The summary is a small fraction of the object: no managedFields or resources.
    expect(JSON.stringify(summary).length).toBeLessThan(
      JSON.stringify(application).length / 4,
    );
  });

  it('reads an Application that ArgoCD has not reconciled yet', () => {
    const fresh = structuredClone(application) as any;
    delete fresh.status;
    expect(reduceApplication(fresh, 'c')).toMatchObject({
      sync: 'Unknown',
      health: 'Unknown',
      revision: null,
      operation: null,
      history: [],
    });
  });

  it('keeps conditions and maps unknown statuses to Unknown', () => {
    const broken = structuredClone(application) as any;
    broken.status.sync.status = 'Weird';
    broken.status.conditions = [
      {
        type: 'ComparisonError',
        message: 'rpc error: repository not accessible',
        lastTransitionTime: '2026-11-28T20:00:00Z',
      },
    ];
    expect(reduceApplication(broken, 'c')).toMatchObject({
      sync: 'Unknown',
      conditions: [
        {
          type: 'ComparisonError',
          message: 'rpc error: repository not accessible',
          lastTransitionTime: '2026-11-28T20:00:00Z',
        },
      ],
    });
  });

  it('skips objects without the kubernetes-id label', () => {
    const unlabelled = structuredClone(application) as any;
    delete unlabelled.metadata.labels['backstage.io/kubernetes-id'];
    expect(reduceApplication(unlabelled, 'c')).toBeUndefined();
  });
});
