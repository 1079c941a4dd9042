import fc from 'fast-check';
import { DELIVERY_STRATEGIES } from '@worker-platform/plugin-worker-platform-common';

// Short names keep every derived name (`<service>-<env>-workers`, …) far
// below Kubernetes' 63 characters, which the spec checks on its own.
//
// Words YAML 1.1 readers (kubectl, kustomize's patches) take for booleans
// come up often on purpose: this fuzz once found the renderer leaving a
// service or pool named `y`, `no` or `on` unquoted, so its overlays did not
// build.
export const YAML_1_1_BOOLEAN_WORDS = ['y', 'n', 'yes', 'no', 'on', 'off'];
const label = (max: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...YAML_1_1_BOOLEAN_WORDS), weight: 1 },
    {
      arbitrary: fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{0,${max - 1}}$`)),
      weight: 4,
    },
  );
const queueName = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}[a-z0-9]$/);

const scaling = fc
  .record({
    min: fc.integer({ min: 0, max: 2 }),
    extra: fc.integer({ min: 1, max: 10 }),
    pollingInterval: fc.integer({ min: 1, max: 60 }),
    cooldownPeriod: fc.integer({ min: 0, max: 600 }),
  })
  .map(({ min, extra, ...rest }) => ({ min, max: min + extra, ...rest }));

const pool = (name: string, queues: string[]) =>
  fc.record({
    name: fc.constant(name),
    gpu: fc.constantFrom(0, 0, 1),
    concurrency: fc.integer({ min: 1, max: 8 }),
    systemPackages: fc.subarray(['ffmpeg', 'imagemagick', 'libvips-dev']),
    nodeSelector: fc.option(
      fc.constant({ 'node.kubernetes.io/instance-type': 'g5.xlarge' }),
      { nil: undefined },
    ),
    queues: fc.constant(
      queues.map((q, i) => ({ name: q, targetLength: i + 1 })),
    ),
    scaling,
  });

/** A random valid WorkerPlatform document, as a user would write it (defaults left out). */
export const validSpecDocument = fc
  .record({
    name: label(8),
    poolNames: fc.uniqueArray(label(6), { minLength: 1, maxLength: 3 }),
    queueNames: fc.uniqueArray(queueName, { minLength: 3, maxLength: 6 }),
    environments: fc.uniqueArray(
      fc.constantFrom('development', 'staging', 'production', 'qa', 'perf'),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    strategy: fc.constantFrom(...DELIVERY_STRATEGIES),
    externalRedis: fc.boolean(),
    keyPrefix: fc.constantFrom('', 'tenant:'),
    apiReplicas: fc.integer({ min: 1, max: 5 }),
  })
  .chain(base => {
    // Each pool takes at least one queue; the rest go to the first pool.
    const queuesOf = base.poolNames.map((_, i) =>
      i === 0
        ? base.queueNames.slice(base.poolNames.length - 1)
        : [base.queueNames[i - 1]],
    );
    return fc
      .tuple(
        fc.tuple(...base.poolNames.map((name, i) => pool(name, queuesOf[i]))),
        fc.tuple(...base.environments.map(() => fc.boolean())),
        fc.integer({ min: 1, max: 20 }),
      )
      .map(([workers, autoSyncs, overrideMax]) => ({
        apiVersion: 'worker-platform.io/v1alpha1',
        kind: 'WorkerPlatform',
        metadata: { name: base.name, owner: 'group:default/platform' },
        spec: {
          ...(base.externalRedis
            ? {
                redis: {
                  address: 'redis.shared.svc.cluster.local:6379',
                  keyPrefix: base.keyPrefix,
                },
              }
            : {}),
          api: { replicas: base.apiReplicas },
          workers: workers
            .map(w => (w.nodeSelector ? w : { ...w, nodeSelector: undefined }))
            .map(stripUndefined),
          environments: base.environments.map((name, i) => ({
            name,
            autoSync: autoSyncs[i],
            overrides: {
              workers: {
                [workers[0].name]: {
                  scaling: {
                    max: Math.max(overrideMax, workers[0].scaling.min),
                  },
                },
              },
            },
          })),
          delivery: { strategy: base.strategy },
        },
      }));
  });

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** One way to break a valid document, and the field path the error must name. */
export interface SpecCorruption {
  path: string;
  apply(doc: any): void;
}

/** Realistic mistakes, each of which the spec schema must refuse at its field. */
export const specCorruption: fc.Arbitrary<SpecCorruption> =
  fc.constantFrom<SpecCorruption>(
    { path: 'metadata.name', apply: d => (d.metadata.name = 'Image_Gen') },
    {
      path: 'spec.workers[0].queues',
      apply: d => (d.spec.workers[0].queues = []),
    },
    {
      path: 'spec.workers[0].scaling.pollingInterval',
      apply: d => (d.spec.workers[0].scaling.pollingInterval = 0),
    },
    {
      path: 'spec.workers[0].queues[0].targetLength',
      apply: d => (d.spec.workers[0].queues[0].targetLength = -1),
    },
    {
      path: 'spec.workers[0].queues[0].name',
      apply: d => (d.spec.workers[0].queues[0].name = 'celery:queue:pro'),
    },
    {
      path: 'spec.delivery.strategy',
      apply: d => (d.spec.delivery.strategy = 'bluegreen'),
    },
    {
      path: 'spec.environments[0].name',
      apply: d => (d.spec.environments[0].name = 'Prod'),
    },
    {
      path: 'spec.workers[0].scaling.pollingIntervl',
      apply: d => (d.spec.workers[0].scaling.pollingIntervl = 15),
    },
    { path: 'spec.api.port', apply: d => (d.spec.api.port = 80) },
    {
      path: 'spec.workers[0].scaling.min',
      apply: d =>
        (d.spec.workers[0].scaling.min = d.spec.workers[0].scaling.max + 1),
    },
  );
