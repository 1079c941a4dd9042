import {
  ClusterConnection,
  EntityDeployStatus,
  EnvironmentStatus,
  WorkerPoolStatus,
} from '@worker-platform/plugin-worker-platform-common';
import {
  ApplicationSummary,
  DeploymentSummary,
  HorizontalPodAutoscalerSummary,
  ResourceSummary,
  ScaledObjectSummary,
} from '../summaries/types';
import { deriveWorkerState } from './deriveWorkerState';

/** Looks up a trigger's queue length; null when unknown. */
export type QueueDepthLookup = (query: {
  cluster: string;
  namespace: string;
  scaledObject: string;
  metric: string;
}) => number | null;

/** Inputs of {@link assembleEntityStatus}. */
export interface AssembleEntityStatusOptions {
  entityRef: string;
  /** Every summary carrying the entity's kubernetes-id. */
  summaries: ResourceSummary[];
  clusters: ClusterConnection[];
  queueDepth: QueueDepthLookup;
  now: Date;
  /**
   * The spec's environment names in spec order (the Component's
   * `worker-platform.io/environments` annotation); environments it does not
   * name follow in promotion order.
   */
  environmentOrder?: readonly string[];
}

/** Objects without an environment label are grouped under this name. */
export const UNLABELLED_ENVIRONMENT = 'unlabelled';

// Without the spec's order, environments read best in promotion order; others
// follow alphabetically.
const PROMOTION_ORDER = [
  'development',
  'dev',
  'test',
  'qa',
  'staging',
  'stage',
  'production',
  'prod',
];

function promotionRank(name: string): number {
  const index = PROMOTION_ORDER.indexOf(name);
  return index === -1 ? PROMOTION_ORDER.length : index;
}

/**
 * Orders environment names as the spec does (`specOrder`), then the ones it
 * does not name (objects of an environment since removed from the spec, or
 * a Component without the annotation) in promotion order and by name.
 */
export function compareEnvironments(
  specOrder: readonly string[] = [],
): (a: string, b: string) => number {
  const rank = (name: string) => {
    const index = specOrder.indexOf(name);
    return index === -1 ? specOrder.length : index;
  };
  return (a, b) =>
    rank(a) - rank(b) ||
    promotionRank(a) - promotionRank(b) ||
    a.localeCompare(b);
}

function byName<T extends { name: string; cluster: string }>(a: T, b: T) {
  return a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster);
}

const placeKey = (cluster: string, namespace: string, name: string) =>
  `${cluster}/${namespace}/${name}`;

/**
 * Builds the status response of one entity from the cache's summaries: one
 * entry per environment with its Applications, API Deployment and worker
 * pools, each pool's state derived from its ScaledObject, Deployment and HPA.
 * Pure: it reads nothing but its inputs.
 */
export function assembleEntityStatus(
  options: AssembleEntityStatusOptions,
): EntityDeployStatus {
  const groups = new Map<string, ResourceSummary[]>();
  for (const summary of options.summaries) {
    const environment = summary.environment ?? UNLABELLED_ENVIRONMENT;
    groups.set(environment, [...(groups.get(environment) ?? []), summary]);
  }
  const compare = compareEnvironments(options.environmentOrder);
  const environments = [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, summaries]) =>
      environmentStatus(name, summaries, options.queueDepth),
    );
  return {
    entityRef: options.entityRef,
    generatedAt: options.now.toISOString(),
    clusters: options.clusters,
    environments,
    stale: options.clusters.some(cluster => !cluster.connected),
  };
}

function environmentStatus(
  name: string,
  summaries: ResourceSummary[],
  queueDepth: QueueDepthLookup,
): EnvironmentStatus {
  const applications = summaries
    .filter((s): s is ApplicationSummary => s.kind === 'Application')
    .sort(byName);
  const deployments = summaries
    .filter((s): s is DeploymentSummary => s.kind === 'Deployment')
    .sort(byName);
  const scaledObjects = summaries.filter(
    (s): s is ScaledObjectSummary => s.kind === 'ScaledObject',
  );
  const hpas = new Map(
    summaries
      .filter(
        (s): s is HorizontalPodAutoscalerSummary =>
          s.kind === 'HorizontalPodAutoscaler',
      )
      .map(hpa => [placeKey(hpa.cluster, hpa.namespace, hpa.name), hpa]),
  );
  const deploymentsByPlace = new Map(
    deployments.map(d => [placeKey(d.cluster, d.namespace, d.name), d]),
  );
  const api = deployments.find(d => d.component === 'api');
  return {
    name,
    applications: applications.map(app => ({
      name: app.name,
      cluster: app.cluster,
      namespace: app.namespace,
      component: app.component,
      sync: app.sync,
      health: app.health,
      revision: app.revision,
      operation: app.operation,
      conditions: app.conditions,
      history: app.history,
      autoSync: app.autoSync,
      autoSyncDisabledByRollback: app.autoSyncDisabledByRollback,
      images: app.images,
    })),
    api: api
      ? {
          deployment: api.name,
          cluster: api.cluster,
          namespace: api.namespace,
          replicas: { desired: api.desired, ready: api.ready },
          images: api.images,
        }
      : null,
    workers: scaledObjects
      .map(scaledObject =>
        workerStatus(
          scaledObject,
          deploymentsByPlace.get(
            placeKey(
              scaledObject.cluster,
              scaledObject.namespace,
              scaledObject.scaleTarget,
            ),
          ),
          scaledObject.hpaName
            ? hpas.get(
                placeKey(
                  scaledObject.cluster,
                  scaledObject.namespace,
                  scaledObject.hpaName,
                ),
              )
            : undefined,
          queueDepth,
        ),
      )
      .sort(byName),
  };
}

function workerStatus(
  scaledObject: ScaledObjectSummary,
  deployment: DeploymentSummary | undefined,
  hpa: HorizontalPodAutoscalerSummary | undefined,
  queueDepth: QueueDepthLookup,
): WorkerPoolStatus {
  const replicas = {
    current: deployment?.current ?? 0,
    ready: deployment?.ready ?? 0,
    min: scaledObject.minReplicas,
    max: scaledObject.maxReplicas,
  };
  return {
    name: scaledObject.worker ?? scaledObject.name,
    cluster: scaledObject.cluster,
    namespace: scaledObject.namespace,
    scaledObject: scaledObject.name,
    deployment: scaledObject.scaleTarget,
    state: deriveWorkerState({
      pausedByAnnotation: scaledObject.pausedByAnnotation,
      conditions: scaledObject.conditions,
      triggerHealth: scaledObject.triggers.map(t => t.health),
      replicas: replicas.current,
      maxReplicas: replicas.max,
      hpaConditions: hpa?.conditions ?? [],
    }),
    replicas,
    triggers: scaledObject.triggers.map(trigger => ({
      ...trigger,
      currentLength: trigger.metric
        ? queueDepth({
            cluster: scaledObject.cluster,
            namespace: scaledObject.namespace,
            scaledObject: scaledObject.name,
            metric: trigger.metric,
          })
        : null,
    })),
    images: deployment?.images ?? [],
    lastActiveTime: scaledObject.lastActiveTime,
    // KEDA's conditions first, then its HPA's (ScalingActive, ScalingLimited).
    conditions: [...scaledObject.conditions, ...(hpa?.conditions ?? [])],
  };
}
