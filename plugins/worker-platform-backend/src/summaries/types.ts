import {
  ApplicationHistoryEntry,
  ApplicationOperation,
  ComponentKind,
  HealthStatus,
  StatusCondition,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';

/** What every summary keeps of its object: where it is and whose it is. */
export interface SummaryIdentity {
  cluster: string;
  namespace: string;
  name: string;
  /** The `backstage.io/kubernetes-id` label. */
  kubernetesId: string;
  /** The `worker-platform.io/environment` label, if any. */
  environment: string | null;
  /** The `worker-platform.io/component` label, if any. */
  component: ComponentKind | null;
  /** The `worker-platform.io/worker` label, if any. */
  worker: string | null;
}

/** The parts of an ArgoCD Application the status page shows. */
export interface ApplicationSummary extends SummaryIdentity {
  kind: 'Application';
  sync: SyncStatus;
  health: HealthStatus;
  revision: string | null;
  operation: ApplicationOperation | null;
  conditions: StatusCondition[];
  /** Most recent first, at most ten. */
  history: ApplicationHistoryEntry[];
  autoSync: boolean;
  autoSyncDisabledByRollback: boolean;
  /** The images ArgoCD reports for the synced resources (`status.summary.images`). */
  images: string[];
}

/** One trigger of a ScaledObject. */
export interface TriggerSummary {
  queue: string;
  metric: string | null;
  targetLength: number | null;
  health: string;
}

/** The parts of a KEDA ScaledObject its pool's state is derived from. */
export interface ScaledObjectSummary extends SummaryIdentity {
  kind: 'ScaledObject';
  /** The Deployment it scales. */
  scaleTarget: string;
  minReplicas: number;
  maxReplicas: number;
  /** Paused by annotation (KEDA's condition may lag behind it). */
  pausedByAnnotation: boolean;
  conditions: StatusCondition[];
  triggers: TriggerSummary[];
  lastActiveTime: string | null;
  /** The HPA KEDA manages for it. */
  hpaName: string | null;
}

/** A Deployment's replica counts. */
export interface DeploymentSummary extends SummaryIdentity {
  kind: 'Deployment';
  desired: number;
  current: number;
  ready: number;
  /** The pod template's container images. */
  images: string[];
}

/** An HPA's replica counts and conditions. */
export interface HorizontalPodAutoscalerSummary extends SummaryIdentity {
  kind: 'HorizontalPodAutoscaler';
  scaleTarget: string;
  currentReplicas: number;
  desiredReplicas: number;
  conditions: StatusCondition[];
}

/** Any summary the watch cache keeps. */
export type ResourceSummary =
  | ApplicationSummary
  | ScaledObjectSummary
  | DeploymentSummary
  | HorizontalPodAutoscalerSummary;
