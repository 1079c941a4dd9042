import type {
  DeliveryStrategy,
  ResourceRequirements,
} from '@worker-platform/plugin-worker-platform-common';
import type { ScalingSafety, TaskLimits } from './taskLifecycle';

/** One queue a pool consumes, with the Redis key Celery keeps it under. */
export interface QueueModel {
  name: string;
  /** The Redis list KEDA watches: the queue name behind the broker's key prefix. */
  redisKey: string;
  targetLength: number;
}

/** A worker pool's scaling bounds, as KEDA's ScaledObject takes them. */
export interface ScalingModel {
  min: number;
  max: number;
  pollingInterval: number;
  cooldownPeriod: number;
}

/** A worker pool with the names every blueprint uses for it. */
export interface PoolModel {
  name: string;
  /** Python package name under `workers/` (a pool name with `-` is not importable). */
  module: string;
  /** Deployment, ScaledObject and ServiceAccount name. */
  resourceName: string;
  image: string;
  dockerfile: string;
  /** `-A` argument of the Celery command line. */
  celeryApp: string;
  gpu: number;
  concurrency: number;
  nodeSelector: { key: string; value: string }[];
  systemPackages: string[];
  /** In priority order: the worker consumes them in this order. */
  queues: QueueModel[];
  /** Where the pool's tasks go when the sender names no queue: its lowest tier. */
  defaultQueue: string;
  scaling: ScalingModel;
  /** KEDA's fallback and scale-down window, after the environment's overrides. */
  scalingSafety: ScalingSafety;
  resources: ResourceRequirements;
  /** Time limits, grace period and scale-down pace, from the spec's `taskTimeout`. */
  limits: TaskLimits;
}

/** The API's autoscaling bounds, as the HPA takes them. */
export interface AutoscalingModel {
  min: number;
  max: number;
  cpuUtilization: number;
  memoryUtilization: number;
}

/** The API settings of one environment, after its overrides. */
export interface ApiSettingsModel {
  replicas: number;
  autoscaling: AutoscalingModel;
  resources: ResourceRequirements;
}

/** One environment with every override applied and every name derived. */
export interface EnvironmentModel {
  name: string;
  branch: string;
  autoSync: boolean;
  cluster: string;
  namespaces: { service: string; worker: string };
  /** The Ingress host: the spec's host in production, `<env>.<host>` elsewhere. */
  host: string;
  api: ApiSettingsModel;
  /** The spec's pools with this environment's overrides applied. */
  pools: PoolModel[];
  /** ConfigMap entries of both namespaces (REDIS_ADDRESS included), in key order. */
  config: { key: string; value: string }[];
  applications: { api: string; workers: string };
  /** `images` is the CI-owned component holding the digests this environment runs. */
  overlays: { service: string; worker: string; images: string };
}

/**
 * Build once, promote by digest: images are built only from the first
 * environment's branch, and each later environment receives the digests the
 * one before it runs, through a pull request.
 */
export interface ReleaseModel {
  /** The branch CI builds images from: the first environment's. */
  buildBranch: string;
  /** The environment a new build is deployed to. */
  first: EnvironmentModel;
  /** Every later environment with the one it is promoted from, in spec order. */
  promotions: { from: EnvironmentModel; to: EnvironmentModel }[];
  /**
   * The tag every image starts on before CI has pinned a digest: the first
   * build pushes it once, so a fresh repository's first sync can pull.
   */
  bootstrapTag: string;
}

/** Environments deploying from one branch, for the CI image-tag update. */
export interface BranchModel {
  branch: string;
  environments: EnvironmentModel[];
}

/** A third-party GitHub Action pinned to a full commit SHA. */
export interface ActionPin {
  /** `owner/repo[/path]@<40 hex>` */
  uses: string;
  /** The release the SHA belongs to, for the trailing comment. */
  version: string;
}

/** A runbook under `docs/`, as the TechDocs navigation lists it. */
export interface RunbookModel {
  title: string;
  /** Relative to `docs/`. */
  file: string;
}

/** What the generated `catalog-info.yaml` declares beyond the Component's name. */
export interface CatalogModel {
  /** The `API` entity holding the OpenAPI document; the Component provides it. */
  apiEntity: string;
  /** The Component's `spec.system`, as the spec names it. */
  system?: string;
  annotations: {
    sourceLocation: string;
    techdocsRef: string;
    githubProjectSlug: string;
    environments: string;
  };
  /** The environment names in spec order, comma-separated. */
  environments: string;
  /** `url:<gitops.repoUrl>`, GitHub repositories by their https address. */
  sourceLocation: string;
  /** `owner/repo` when the repository is on github.com. */
  githubProjectSlug?: string;
}

/**
 * Everything the blueprints read: the spec with defaults and overrides
 * resolved, and every derived name computed once here rather than in
 * template expressions.
 */
export interface RenderModel {
  blueprintVersion: string;
  name: string;
  owner: string;
  /** The owner's name when it is a group, for the AppProject admin role. */
  ownerGroup?: string;
  description: string;
  registry: string;
  /** How CI logs in to the registry: AWS OIDC for ECR, the job token for GHCR, secrets otherwise. */
  registryKind: 'ecr' | 'ghcr' | 'other';
  /** The registry host, without the repository path prefix. */
  registryHost: string;
  region: string;
  repoUrl: string;
  argocdNamespace: string;
  project: string;
  /** SSO groups of the AppProject's developer role; empty when the spec names none. */
  developerGroups: string[];
  /** The ArgoCD UI that notifications link to, when the spec gives it. */
  argocdUrl?: string;
  labels: {
    kubernetesId: string;
    environment: string;
    component: string;
    worker: string;
  };
  annotations: { argocdAppSelector: string };
  catalog: CatalogModel;
  /** The runbooks rendered under `docs/runbooks/`, in navigation order. */
  runbooks: RunbookModel[];
  names: {
    api: string;
    apiImage: string;
    config: string;
    secrets: string;
    redis: string;
    redisTriggerAuth: string;
    migrationJob: string;
  };
  redis: {
    /** True when the spec names no Redis and each environment deploys its own. */
    inCluster: boolean;
    databaseIndex: number;
    keyPrefix: string;
  };
  celery: {
    /** Kombu's Redis `visibility_timeout`, one for the whole service (see `taskLifecycle.ts`). */
    visibilityTimeout: number;
    /** Celery's `task_default_queue`. */
    defaultQueue: string;
  };
  api: {
    port: number;
    host: string;
    replicas: number;
    autoscaling: AutoscalingModel;
    resources: ResourceRequirements;
  };
  pools: PoolModel[];
  environments: EnvironmentModel[];
  branches: BranchModel[];
  release: ReleaseModel;
  delivery: DeliveryStrategy;
  slackChannel: string;
  actions: Record<string, ActionPin>;
  /** The normalized spec as YAML, written for re-rendering. */
  specYaml: string;
}
