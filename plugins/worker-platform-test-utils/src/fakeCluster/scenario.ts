import {
  COMPONENT_LABEL,
  ENVIRONMENT_LABEL,
  EnvironmentSpec,
  KEDA_PAUSED_ANNOTATION,
  KUBERNETES_ID_LABEL,
  WORKER_LABEL,
  WorkerPlatformSpec,
  WorkerPoolSpec,
  celeryQueueKey,
  formatSpecErrors,
  redisAddress,
  resourceNames,
  validateSpec,
} from '@worker-platform/plugin-worker-platform-common';
import applicationFixture from '../__fixtures__/application.json';
import apiDeploymentFixture from '../__fixtures__/apiDeployment.json';
import apiHpaFixture from '../__fixtures__/apiHorizontalPodAutoscaler.json';
import kedaHpaFixture from '../__fixtures__/kedaHorizontalPodAutoscaler.json';
import scaledObjectFixture from '../__fixtures__/scaledObject.json';
import workerDeploymentFixture from '../__fixtures__/workerDeployment.json';
import { FakeExternalMetric, FakeKubernetesObject } from './types';

/**
 * A service in a fake cluster, described by what matters to a reader of its
 * status page; everything else comes from real-shaped fixtures.
 */
export interface FakeScenario {
  /** The service's `WorkerPlatform` document (validated; defaults applied). */
  spec: unknown;
  /** What each environment is doing; those left out are synced, healthy and idle. */
  environments?: Record<string, FakeEnvironmentScenario>;
}

/** One environment of a {@link FakeScenario}. */
export interface FakeEnvironmentScenario {
  /** The ArgoCD Applications deploying the API and the workers. */
  applications?: {
    api?: FakeApplicationScenario;
    workers?: FakeApplicationScenario;
  };
  api?: { replicas?: number; ready?: number };
  workers?: Record<string, FakeWorkerScenario>;
  /** Leave the environment's ScaledObjects (and KEDA's HPAs) out. */
  withoutScaledObjects?: boolean;
}

/** An ArgoCD Application's state. */
export interface FakeApplicationScenario {
  sync?: 'Synced' | 'OutOfSync' | 'Unknown';
  health?:
    | 'Healthy'
    | 'Progressing'
    | 'Degraded'
    | 'Suspended'
    | 'Missing'
    | 'Unknown';
  /** The synced commit SHA. */
  revision?: string;
  /** The current or last sync; a `Running` one has no finish time. */
  operation?: { phase: string; message?: string };
}

/** A worker pool's state. */
export interface FakeWorkerScenario {
  /** Replicas running; the pool's minimum by default. */
  replicas?: number;
  /** Ready replicas; all of them by default. */
  ready?: number;
  /** Items waiting per queue name; zero by default. */
  queues?: Record<string, number>;
  /** Paused with KEDA's `autoscaling.keda.sh/paused` annotation. */
  paused?: boolean;
  /** Queues whose trigger KEDA reports as Failing. */
  failingQueues?: string[];
  /** KEDA holds the fallback replica count because triggers fail. */
  fallback?: boolean;
}

/** Everything a scenario puts into a fake cluster. */
export interface FakeScenarioObjects {
  objects: FakeKubernetesObject[];
  metrics: FakeExternalMetric[];
}

/** Options of {@link buildScenario}. */
export interface BuildScenarioOptions {
  /** The time running operations started and active pools were last active. */
  now?: Date;
}

/**
 * Builds the ArgoCD Applications, Deployments, HPAs and KEDA ScaledObjects
 * (with their external metric values) that a cluster holds for a scenario.
 * Pure: the same scenario and `now` give the same objects.
 */
export function buildScenario(
  scenario: FakeScenario,
  options: BuildScenarioOptions = {},
): FakeScenarioObjects {
  const result = validateSpec(scenario.spec);
  if (!result.ok) {
    throw new Error(
      `invalid scenario spec: ${formatSpecErrors(result.errors)}`,
    );
  }
  const spec = result.spec;
  const now = (options.now ?? new Date()).toISOString();
  const objects: FakeKubernetesObject[] = [];
  const metrics: FakeExternalMetric[] = [];
  for (const environment of spec.spec.environments) {
    const state = scenario.environments?.[environment.name] ?? {};
    objects.push(
      application(spec, environment, 'api', state.applications?.api, now),
      application(
        spec,
        environment,
        'worker',
        state.applications?.workers,
        now,
      ),
      ...apiObjects(spec, environment, state.api),
    );
    for (const pool of spec.spec.workers) {
      const built = workerObjects(
        spec,
        environment,
        pool,
        state.workers?.[pool.name] ?? {},
        now,
      );
      objects.push(built.deployment);
      if (!state.withoutScaledObjects) {
        objects.push(built.scaledObject, built.hpa);
        metrics.push(...built.metrics);
      }
    }
  }
  return { objects, metrics };
}

function labelsOf(
  spec: WorkerPlatformSpec,
  environment: EnvironmentSpec,
  component: 'api' | 'worker',
  pool?: string,
): Record<string, string> {
  return {
    [KUBERNETES_ID_LABEL]: spec.metadata.name,
    [ENVIRONMENT_LABEL]: environment.name,
    [COMPONENT_LABEL]: component,
    ...(pool ? { [WORKER_LABEL]: pool } : {}),
  };
}

function fromFixture(
  fixture: object,
  name: string,
  namespace: string,
  labels: Record<string, string>,
): any {
  const object = structuredClone(fixture) as any;
  delete object.metadata.resourceVersion;
  delete object.metadata.uid;
  object.metadata.name = name;
  object.metadata.namespace = namespace;
  object.metadata.labels = { ...labels };
  return object;
}

function application(
  spec: WorkerPlatformSpec,
  environment: EnvironmentSpec,
  component: 'api' | 'worker',
  state: FakeApplicationScenario = {},
  now: string,
): FakeKubernetesObject {
  const service = spec.metadata.name;
  const name =
    component === 'api'
      ? resourceNames.apiApplication(service, environment.name)
      : resourceNames.workersApplication(service, environment.name);
  const app = fromFixture(
    applicationFixture,
    name,
    spec.spec.gitops.argocdNamespace,
    labelsOf(spec, environment, component),
  );
  const source = {
    path: `k8s/overlays/${environment.name}/${
      component === 'api' ? 'service-ns' : 'worker-ns'
    }`,
    repoURL: spec.spec.gitops.repoUrl,
    targetRevision: environment.branch,
  };
  const destination = {
    namespace:
      component === 'api'
        ? environment.namespaces.service
        : environment.namespaces.worker,
    server: environment.cluster,
  };
  app.spec = {
    ...app.spec,
    project: spec.spec.gitops.project,
    source,
    destination,
  };
  const revision = state.revision ?? app.status.sync.revision;
  app.status.sync = {
    comparedTo: { destination, source },
    revision,
    status: state.sync ?? 'Synced',
  };
  app.status.health = {
    lastTransitionTime: now,
    status: state.health ?? 'Healthy',
  };
  app.status.history = app.status.history.map((entry: any) => ({
    ...entry,
    source,
  }));
  app.status.history[app.status.history.length - 1].revision = revision;
  // CI tags images with the short commit, so what ArgoCD reports follows the revision.
  const imageNames =
    component === 'api'
      ? [resourceNames.apiImage(service)]
      : spec.spec.workers.map(pool =>
          resourceNames.workerImage(service, pool.name),
        );
  app.status.summary = {
    ...app.status.summary,
    images: imageNames.map(
      image => `${spec.spec.registry}/${image}:${revision.slice(0, 7)}`,
    ),
  };
  const phase = state.operation?.phase ?? 'Succeeded';
  const running = phase === 'Running';
  app.status.operationState = {
    ...app.status.operationState,
    phase,
    message:
      state.operation?.message ??
      (running
        ? 'waiting for completion of hook batch/Job/migrate'
        : 'successfully synced (all tasks run)'),
    startedAt: running ? now : app.status.operationState.startedAt,
    syncResult: { ...app.status.operationState.syncResult, revision, source },
  };
  if (running) {
    delete app.status.operationState.finishedAt;
    // ArgoCD keeps the requested operation on the object until it finishes.
    app.operation = app.status.operationState.operation;
  }
  return app;
}

function apiObjects(
  spec: WorkerPlatformSpec,
  environment: EnvironmentSpec,
  state: { replicas?: number; ready?: number } = {},
): FakeKubernetesObject[] {
  const name = resourceNames.api(spec.metadata.name);
  const namespace = environment.namespaces.service;
  const labels = labelsOf(spec, environment, 'api');
  const replicas =
    state.replicas ??
    environment.overrides.api?.replicas ??
    spec.spec.api.replicas;
  const ready = state.ready ?? replicas;
  const deployment = fromFixture(apiDeploymentFixture, name, namespace, labels);
  deployment.spec.replicas = replicas;
  deployment.spec.selector.matchLabels['app.kubernetes.io/name'] = name;
  deployment.spec.template.metadata.labels = {
    ...labels,
    'app.kubernetes.io/name': name,
  };
  deployment.status = {
    ...deployment.status,
    replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: replicas,
  };
  const autoscaling = {
    ...spec.spec.api.autoscaling,
    ...environment.overrides.api?.autoscaling,
  };
  const hpa = fromFixture(apiHpaFixture, name, namespace, labels);
  hpa.spec.scaleTargetRef.name = name;
  hpa.spec.minReplicas = autoscaling.min;
  hpa.spec.maxReplicas = autoscaling.max;
  hpa.status.currentReplicas = replicas;
  hpa.status.desiredReplicas = replicas;
  return [deployment, hpa];
}

function condition(
  type: string,
  status: boolean,
  reason: string,
  message: string,
) {
  return { type, status: status ? 'True' : 'False', reason, message };
}

function workerObjects(
  spec: WorkerPlatformSpec,
  environment: EnvironmentSpec,
  pool: WorkerPoolSpec,
  state: FakeWorkerScenario,
  now: string,
) {
  const name = resourceNames.worker(spec.metadata.name, pool.name);
  const namespace = environment.namespaces.worker;
  const labels = labelsOf(spec, environment, 'worker', pool.name);
  const scaling = {
    ...pool.scaling,
    ...environment.overrides.workers?.[pool.name]?.scaling,
  };
  const replicas = state.replicas ?? scaling.min;
  const ready = state.ready ?? replicas;
  const queues = pool.queues.map((queue, index) => {
    const listName = celeryQueueKey(queue.name);
    return {
      queue,
      listName,
      metric: `s${index}-redis-${listName}`,
      length: state.queues?.[queue.name] ?? 0,
      failing: state.failingQueues?.includes(queue.name) ?? false,
    };
  });
  const active =
    !state.paused && (replicas > 0 || queues.some(q => q.length > 0));

  const scaledObject = fromFixture(scaledObjectFixture, name, namespace, {
    ...labels,
    'scaledobject.keda.sh/name': name,
  });
  scaledObject.metadata.annotations = {
    'argocd.argoproj.io/tracking-id': `${resourceNames.workersApplication(
      spec.metadata.name,
      environment.name,
    )}:keda.sh/ScaledObject:${namespace}/${name}`,
    ...(state.paused ? { [KEDA_PAUSED_ANNOTATION]: 'true' } : {}),
  };
  scaledObject.spec = {
    ...scaledObject.spec,
    minReplicaCount: scaling.min,
    maxReplicaCount: scaling.max,
    pollingInterval: scaling.pollingInterval,
    cooldownPeriod: scaling.cooldownPeriod,
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    ...(state.fallback ? { fallback: { failureThreshold: 3, replicas } } : {}),
    triggers: queues.map(q => ({
      type: 'redis',
      authenticationRef: {
        name: resourceNames.redisTriggerAuth(spec.metadata.name),
      },
      metadata: {
        address: redisAddress(spec, environment),
        databaseIndex: String(spec.spec.redis.databaseIndex),
        listLength: String(q.queue.targetLength),
        listName: q.listName,
      },
    })),
  };
  scaledObject.status = {
    ...scaledObject.status,
    conditions: [
      condition(
        'Ready',
        true,
        'ScaledObjectReady',
        'ScaledObject is defined correctly and is ready for scaling',
      ),
      active
        ? condition(
            'Active',
            true,
            'ScalerActive',
            'Scaling is performed because triggers are active',
          )
        : condition(
            'Active',
            false,
            'ScalerNotActive',
            'Scaling is not performed because triggers are not active',
          ),
      state.fallback
        ? condition(
            'Fallback',
            true,
            'FallbackExists',
            'At least one trigger is falling back on this scaled object',
          )
        : condition(
            'Fallback',
            false,
            'NoFallbackFound',
            'No fallbacks are active on this scaled object',
          ),
      state.paused
        ? condition(
            'Paused',
            true,
            'ScaledObjectPaused',
            'ScaledObject is paused',
          )
        : condition(
            'Paused',
            false,
            'ScaledObjectUnpaused',
            'pause annotation removed for ScaledObject',
          ),
    ],
    externalMetricNames: queues.map(q => q.metric),
    health: Object.fromEntries(
      queues.map(q => [
        q.metric,
        q.failing
          ? { numberOfFailures: 4, status: 'Failing' }
          : { numberOfFailures: 0, status: 'Happy' },
      ]),
    ),
    hpaName: `keda-hpa-${name}`,
    lastActiveTime: active ? now : scaledObject.status.lastActiveTime,
    ...(state.paused ? { pausedReplicaCount: replicas } : {}),
  };

  const deployment = fromFixture(
    workerDeploymentFixture,
    name,
    namespace,
    labels,
  );
  deployment.spec.replicas = replicas;
  deployment.spec.selector.matchLabels['app.kubernetes.io/name'] = name;
  deployment.spec.template.metadata.labels = {
    ...labels,
    'app.kubernetes.io/name': name,
  };
  deployment.spec.template.spec.serviceAccountName = name;
  deployment.spec.template.spec.containers[0].args = [
    'celery',
    '-A',
    `workers.${pool.name.replace(/-/g, '_')}`,
    'worker',
    `--queues=${pool.queues.map(q => q.name).join(',')}`,
    `--concurrency=${pool.concurrency}`,
    '--prefetch-multiplier=1',
  ];
  if (replicas > 0) {
    // The API server leaves zero counts out of a Deployment's status.
    deployment.status = {
      ...deployment.status,
      replicas,
      updatedReplicas: replicas,
      ...(ready > 0 ? { readyReplicas: ready, availableReplicas: ready } : {}),
    };
  }

  const hpa = fromFixture(kedaHpaFixture, `keda-hpa-${name}`, namespace, {
    ...labels,
    'app.kubernetes.io/managed-by': 'keda-operator',
    'app.kubernetes.io/name': `keda-hpa-${name}`,
    'app.kubernetes.io/part-of': name,
    'app.kubernetes.io/version': '2.16.1',
    'scaledobject.keda.sh/name': name,
  });
  hpa.metadata.ownerReferences[0].name = name;
  hpa.spec.scaleTargetRef.name = name;
  hpa.spec.minReplicas = Math.max(1, scaling.min);
  hpa.spec.maxReplicas = scaling.max;
  hpa.spec.metrics = queues.map(q => ({
    type: 'External',
    external: {
      metric: {
        name: q.metric,
        selector: { matchLabels: { 'scaledobject.keda.sh/name': name } },
      },
      target: {
        type: 'AverageValue',
        averageValue: String(q.queue.targetLength),
      },
    },
  }));
  hpa.status = {
    ...hpa.status,
    currentReplicas: replicas,
    desiredReplicas: replicas,
    currentMetrics:
      replicas === 0
        ? null
        : queues.map(q => ({
            type: 'External',
            external: {
              metric: { name: q.metric },
              current: { averageValue: String(Math.ceil(q.length / replicas)) },
            },
          })),
    conditions:
      replicas === 0
        ? hpa.status.conditions
        : [
            { ...hpa.status.conditions[0] },
            condition(
              'ScalingActive',
              true,
              'ValidMetricFound',
              'the HPA was able to successfully calculate a replica count from external metric s0-redis',
            ),
            replicas >= scaling.max
              ? condition(
                  'ScalingLimited',
                  true,
                  'TooManyReplicas',
                  'the desired replica count is more than the maximum replica count',
                )
              : condition(
                  'ScalingLimited',
                  false,
                  'DesiredWithinRange',
                  'the desired count is within the acceptable range',
                ),
          ],
  };

  return {
    scaledObject,
    deployment,
    hpa,
    metrics: queues.map(q => ({
      namespace,
      scaledObject: name,
      metric: q.metric,
      value: q.length,
    })),
  };
}
