import type { ComponentKind } from '../contract';

/**
 * The deploy status of one catalog entity across every environment, as served
 * by `GET /api/worker-platform/status/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityDeployStatus {
  /** `component:default/pingvasai` */
  entityRef: string;
  /** ISO time the response was assembled. */
  generatedAt: string;
  /** Every configured cluster, including those that hold nothing of this entity. */
  clusters: ClusterConnection[];
  environments: EnvironmentStatus[];
  /** True when any cluster's watch is down, so some data may be old. */
  stale: boolean;
}

/**
 * Whether the backend's watch on a cluster is live. Failures are data, not errors.
 *
 * @public
 */
export interface ClusterConnection {
  name: string;
  connected: boolean;
  /** ISO time of the last event or successful list from this cluster; null before the first. */
  lastEventAt: string | null;
  /** Why the watch is down, without credentials or URLs. */
  error?: string;
}

/**
 * One environment (the `worker-platform.io/environment` label value).
 *
 * @public
 */
export interface EnvironmentStatus {
  name: string;
  applications: ApplicationStatus[];
  api: ApiDeploymentStatus | null;
  workers: WorkerPoolStatus[];
}

/**
 * ArgoCD's sync status values.
 *
 * @public
 */
export type SyncStatus = 'Synced' | 'OutOfSync' | 'Unknown';
/**
 * ArgoCD's health status values.
 *
 * @public
 */
export type HealthStatus =
  | 'Healthy'
  | 'Progressing'
  | 'Degraded'
  | 'Suspended'
  | 'Missing'
  | 'Unknown';

/**
 * The summary of one ArgoCD Application.
 *
 * @public
 */
export interface ApplicationStatus {
  name: string;
  cluster: string;
  namespace: string;
  component: ComponentKind | null;
  sync: SyncStatus;
  health: HealthStatus;
  /** The synced git revision (full SHA), if any. */
  revision: string | null;
  operation: ApplicationOperation | null;
  conditions: StatusCondition[];
  /** Most recent first. */
  history: ApplicationHistoryEntry[];
  /** Whether ArgoCD syncs it automatically (`spec.syncPolicy.automated`). */
  autoSync?: boolean;
  /** Automated sync was switched off by a rollback from Backstage; `enable-auto-sync` restores it. */
  autoSyncDisabledByRollback?: boolean;
  /** The images ArgoCD reports for what it synced (`status.summary.images`). */
  images?: string[];
}

/**
 * One deployment in an Application's history.
 *
 * @public
 */
export interface ApplicationHistoryEntry {
  /** ArgoCD's history id, what a rollback names. */
  id?: number;
  revision: string;
  deployedAt: string;
}

/**
 * The current or last sync operation of an Application.
 *
 * @public
 */
export interface ApplicationOperation {
  /** `Running`, `Succeeded`, `Failed`, `Error` or `Terminating`. */
  phase: string;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * A condition as Kubernetes, KEDA and ArgoCD report them.
 *
 * @public
 */
export interface StatusCondition {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * The API Deployment of one environment.
 *
 * @public
 */
export interface ApiDeploymentStatus {
  deployment: string;
  cluster: string;
  namespace: string;
  replicas: { desired: number; ready: number };
  /** The pod template's container images. */
  images?: string[];
}

/**
 * What a worker pool is doing, in the words a user needs:
 * - `idle`: scaled to zero and healthy, waiting for work
 * - `active`: consuming a backlog, scaling between min and max
 * - `at-max`: at its replica ceiling; the backlog may grow
 * - `paused`: autoscaling switched off by annotation
 * - `fallback`: triggers failing, KEDA holds the fallback replica count
 * - `failing`: a trigger or the ScaledObject is failing
 * - `unknown`: not enough data (no ScaledObject status yet)
 *
 * @public
 */
export type WorkerState =
  | 'idle'
  | 'active'
  | 'at-max'
  | 'paused'
  | 'fallback'
  | 'failing'
  | 'unknown';

/**
 * The states in the order a reader should worry about them, worst first.
 *
 * @public
 */
export const WORKER_STATES: readonly WorkerState[] = [
  'failing',
  'fallback',
  'paused',
  'at-max',
  'active',
  'idle',
  'unknown',
];

/**
 * One worker pool (a KEDA ScaledObject and its Deployment) in one environment.
 *
 * @public
 */
export interface WorkerPoolStatus {
  name: string;
  cluster: string;
  namespace: string;
  scaledObject: string;
  deployment: string;
  state: WorkerState;
  replicas: { current: number; ready: number; min: number; max: number };
  triggers: TriggerStatus[];
  /** The container images of its Deployment's pod template. */
  images?: string[];
  /** ISO time KEDA last saw work (`status.lastActiveTime`). */
  lastActiveTime: string | null;
  conditions: StatusCondition[];
}

/**
 * One redis trigger of a ScaledObject: a queue and its backlog.
 *
 * @public
 */
export interface TriggerStatus {
  queue: string;
  /** KEDA's external metric name, e.g. `s0-redis-enterprise`. */
  metric: string | null;
  targetLength: number | null;
  /** Items waiting, from KEDA's external metrics API; null when unknown. */
  currentLength: number | null;
  /** KEDA's health for the trigger: `Happy`, `Failing` or `Unknown`. */
  health: string;
}

export * from './history';
