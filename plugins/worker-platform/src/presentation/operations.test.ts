import type {
  ApplicationStatus,
  WorkerPoolStatus,
} from '@worker-platform/plugin-worker-platform-common';
import {
  describeApplicationOperation,
  describePoolOperation,
  isProductionEnvironment,
} from './operations';

const app: ApplicationStatus = {
  name: 'pingvasai-production-api',
  cluster: 'prod-eu',
  namespace: 'argocd',
  component: 'api',
  sync: 'OutOfSync',
  health: 'Healthy',
  revision: '9f3e6b1d2c4a5e7f8091a2b3c4d5e6f708192a3b',
  operation: null,
  conditions: [],
  history: [
    { id: 42, revision: '9f3e6b1d2c4a', deployedAt: '2026-11-28T14:02:21Z' },
    { id: 41, revision: '5d1c0a7e3b9f', deployedAt: '2026-11-26T09:58:40Z' },
  ],
  autoSync: true,
};

const pool = {
  name: 'gpu',
  cluster: 'prod-eu',
  namespace: 'pingvasai-production-worker',
  scaledObject: 'pingvasai-gpu-worker',
  replicas: { current: 1, ready: 1, min: 0, max: 20 },
} as WorkerPoolStatus;

describe('operation wording', () => {
  it('says where an Application operation happens', () => {
    expect(
      describeApplicationOperation(
        {
          environment: 'production',
          operation: 'sync',
          application: app.name,
          prune: true,
        },
        app,
      ),
    ).toEqual({
      label: 'Sync',
      title: 'Sync pingvasai-production-api in production?',
      details:
        "ArgoCD applies git's target revision to production and deletes resources no longer in git.",
      where: 'Application argocd/pingvasai-production-api in cluster prod-eu',
    });
  });

  it('warns that a rollback switches automated sync off', () => {
    const wording = describeApplicationOperation(
      {
        environment: 'production',
        operation: 'rollback',
        application: app.name,
        historyId: 41,
      },
      app,
    );
    expect(wording.label).toBe('Roll back to 5d1c0a7');
    expect(wording.details).toContain('Automated sync is on');
  });

  it('says how a pause holds the pool', () => {
    const request = {
      environment: 'production',
      operation: 'pause' as const,
      worker: 'gpu',
    };
    expect(describePoolOperation(request, pool).details).toBe(
      'KEDA stops scaling the pool and holds it at its current 1 replica until it is resumed, whatever its queues hold.',
    );
    expect(
      describePoolOperation({ ...request, replicas: 0 }, pool).details,
    ).toContain('scales the pool to 0 replicas');
    expect(
      describePoolOperation({ ...request, operation: 'resume' }, pool).details,
    ).toBe(
      'KEDA scales the pool on its queues again, between 0 and 20 replicas.',
    );
  });

  it('highlights production', () => {
    expect(isProductionEnvironment('production')).toBe(true);
    expect(isProductionEnvironment('staging')).toBe(false);
  });
});
