import {
  FakeScenario,
  buildScenario,
} from '../../plugins/worker-platform-test-utils/src';

/** The name of the service with this index, e.g. `svc-0042`. */
export function serviceName(index: number): string {
  return `svc-${String(index).padStart(4, '0')}`;
}

/**
 * One service of the benchmark fleet: an API and one worker pool with two
 * queues in three environments — 7 objects per environment (2 ArgoCD
 * Applications, the API Deployment and HPA, the pool's Deployment,
 * ScaledObject and KEDA HPA), the production pool busy.
 */
export function benchScenario(index: number): FakeScenario {
  return {
    spec: {
      apiVersion: 'worker-platform.io/v1alpha1',
      kind: 'WorkerPlatform',
      metadata: { name: serviceName(index) },
      spec: {
        workers: [
          {
            name: 'default',
            queues: [{ name: 'high' }, { name: 'low', targetLength: 20 }],
            scaling: { min: 0, max: 10 },
          },
        ],
        environments: [
          { name: 'development' },
          { name: 'staging' },
          { name: 'production' },
        ],
      },
    },
    environments: {
      production: {
        workers: { default: { replicas: 3, queues: { high: 4, low: 37 } } },
      },
    },
  };
}

/** Every object and metric of a fleet of `services` services. */
export function buildFleet(services: number) {
  const now = new Date();
  return Array.from({ length: services }, (_, i) =>
    buildScenario(benchScenario(i), { now }),
  );
}
