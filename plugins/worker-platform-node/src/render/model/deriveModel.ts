import {
  ARGOCD_APP_SELECTOR_ANNOTATION,
  celeryQueueKey,
  COMPONENT_LABEL,
  ENVIRONMENT_LABEL,
  EnvironmentSpec,
  KUBERNETES_ID_LABEL,
  redisAddress,
  ResourceRequirements,
  resourceNames,
  stringifySpec,
  WORKER_LABEL,
  WorkerPlatformSpec,
  WorkerPoolSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { BLUEPRINT_VERSION } from '../blueprintVersion';
import { BOOTSTRAP_IMAGE_TAG } from '../ciOwnedFiles';
import { actionPins } from './actionPins';
import { deriveCatalog, deriveRunbooks } from './catalogModel';
import {
  deriveScalingSafety,
  deriveTaskLimits,
  deriveVisibilityTimeout,
} from './taskLifecycle';
import type {
  ApiSettingsModel,
  BranchModel,
  EnvironmentModel,
  PoolModel,
  RenderModel,
} from './types';

type PartialResources = {
  requests?: Partial<ResourceRequirements['requests']>;
  limits?: Partial<ResourceRequirements['limits']>;
};

/**
 * Derives everything the blueprints need from a validated spec: overrides
 * resolved per environment, every generated name computed from the naming
 * contract, queues mapped to the Redis keys KEDA must watch. Pure.
 */
export function deriveModel(spec: WorkerPlatformSpec): RenderModel {
  const name = spec.metadata.name;
  const { keyPrefix } = spec.spec.redis;
  const pools = spec.spec.workers.map(pool =>
    derivePool(name, pool, keyPrefix),
  );
  const environments = spec.spec.environments.map(env =>
    deriveEnvironment(spec, env, pools),
  );
  return {
    blueprintVersion: BLUEPRINT_VERSION,
    name,
    owner: spec.metadata.owner,
    ownerGroup: ownerGroup(spec.metadata.owner),
    description: spec.metadata.description,
    registry: spec.spec.registry,
    registryKind: registryKind(spec.spec.registry),
    registryHost: spec.spec.registry.split('/')[0],
    region: spec.spec.region,
    repoUrl: spec.spec.gitops.repoUrl,
    argocdNamespace: spec.spec.gitops.argocdNamespace,
    project: spec.spec.gitops.project,
    developerGroups: spec.spec.gitops.developerGroups ?? [],
    argocdUrl: spec.spec.gitops.argocdUrl,
    labels: {
      kubernetesId: KUBERNETES_ID_LABEL,
      environment: ENVIRONMENT_LABEL,
      component: COMPONENT_LABEL,
      worker: WORKER_LABEL,
    },
    annotations: { argocdAppSelector: ARGOCD_APP_SELECTOR_ANNOTATION },
    catalog: deriveCatalog({
      name,
      repoUrl: spec.spec.gitops.repoUrl,
      system: spec.metadata.system,
      environments: spec.spec.environments.map(env => env.name),
    }),
    runbooks: deriveRunbooks(spec.spec.delivery.strategy),
    names: {
      api: resourceNames.api(name),
      apiImage: resourceNames.apiImage(name),
      config: resourceNames.config(name),
      secrets: resourceNames.secrets(name),
      redis: resourceNames.redis(name),
      redisTriggerAuth: resourceNames.redisTriggerAuth(name),
      migrationJob: `${name}-db-migration`,
    },
    redis: {
      inCluster: spec.spec.redis.address === undefined,
      databaseIndex: spec.spec.redis.databaseIndex,
      keyPrefix,
    },
    celery: {
      visibilityTimeout: deriveVisibilityTimeout(pools.map(p => p.limits)),
      // Celery resolves its default queue on every send, so it must be one
      // that is declared, consumed and counted by KEDA. Every task of ours
      // is routed; only a task outside workers.* lands here, in the first
      // pool's lowest tier, where it cannot jump ahead of paying work.
      defaultQueue: pools[0].queues[pools[0].queues.length - 1].name,
    },
    api: {
      port: spec.spec.api.port,
      host: spec.spec.api.host,
      replicas: spec.spec.api.replicas,
      autoscaling: spec.spec.api.autoscaling,
      resources: spec.spec.api.resources,
    },
    pools,
    environments,
    branches: groupByBranch(environments),
    release: {
      buildBranch: environments[0].branch,
      first: environments[0],
      promotions: environments
        .slice(1)
        .map((to, index) => ({ from: environments[index], to })),
      bootstrapTag: BOOTSTRAP_IMAGE_TAG,
    },
    delivery: spec.spec.delivery.strategy,
    slackChannel: spec.spec.notifications.slackChannel,
    actions: actionPins,
    specYaml: stringifySpec(spec),
  };
}

function derivePool(
  service: string,
  pool: WorkerPoolSpec,
  keyPrefix: string,
): PoolModel {
  const module = toIdentifier(pool.name);
  return {
    name: pool.name,
    module,
    resourceName: resourceNames.worker(service, pool.name),
    image: resourceNames.workerImage(service, pool.name),
    dockerfile: `Dockerfile.${pool.name}-worker`,
    celeryApp: `workers.${module}.tasks`,
    gpu: pool.gpu,
    concurrency: pool.concurrency,
    nodeSelector: Object.entries(pool.nodeSelector)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    systemPackages: pool.systemPackages,
    queues: pool.queues.map(queue => ({
      name: queue.name,
      redisKey: celeryQueueKey(queue.name, keyPrefix),
      targetLength: queue.targetLength,
    })),
    // A task sent without a tier waits behind every tier of its pool.
    defaultQueue: pool.queues[pool.queues.length - 1].name,
    scaling: pool.scaling,
    scalingSafety: deriveScalingSafety(pool.scaling),
    resources: pool.resources,
    limits: deriveTaskLimits(pool.taskTimeout),
  };
}

function deriveEnvironment(
  spec: WorkerPlatformSpec,
  env: EnvironmentSpec,
  pools: PoolModel[],
): EnvironmentModel {
  const service = spec.metadata.name;
  const { api } = spec.spec;
  const apiOverride = env.overrides.api ?? {};
  const address = redisAddress(spec, env);
  return {
    name: env.name,
    branch: env.branch,
    autoSync: env.autoSync,
    cluster: env.cluster,
    namespaces: env.namespaces,
    host: environmentHost(spec, env),
    api: apiSettings(api, apiOverride),
    pools: pools.map(pool => {
      const override = env.overrides.workers?.[pool.name] ?? {};
      const scaling = { ...pool.scaling, ...override.scaling };
      return {
        ...pool,
        concurrency: override.concurrency ?? pool.concurrency,
        scaling,
        scalingSafety: deriveScalingSafety(scaling),
        resources: mergeResources(pool.resources, override.resources),
      };
    }),
    config: Object.entries({
      ENVIRONMENT: env.name,
      REDIS_ADDRESS: address,
      ...env.overrides.config,
    })
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    applications: {
      api: resourceNames.apiApplication(service, env.name),
      workers: resourceNames.workersApplication(service, env.name),
    },
    overlays: {
      service: `k8s/overlays/${env.name}/service-ns`,
      worker: `k8s/overlays/${env.name}/worker-ns`,
      images: `k8s/overlays/${env.name}/images`,
    },
  };
}

/**
 * The API of one environment. The HPA owns the replica count, so an
 * environment's `replicas` is its HPA minimum (the spec refuses a different
 * `autoscaling.min` beside it), and the Deployment starts at that minimum.
 */
function apiSettings(
  api: WorkerPlatformSpec['spec']['api'],
  override: NonNullable<EnvironmentSpec['overrides']['api']>,
): ApiSettingsModel {
  const autoscaling = { ...api.autoscaling, ...override.autoscaling };
  const min = override.replicas ?? autoscaling.min;
  return {
    replicas: min,
    autoscaling: { ...autoscaling, min },
    resources: mergeResources(api.resources, override.resources),
  };
}

function mergeResources(
  base: ResourceRequirements,
  override: PartialResources | undefined,
): ResourceRequirements {
  return {
    requests: { ...base.requests, ...override?.requests },
    limits: { ...base.limits, ...override?.limits },
  };
}

function groupByBranch(environments: EnvironmentModel[]): BranchModel[] {
  const byBranch = new Map<string, EnvironmentModel[]>();
  for (const env of environments) {
    byBranch.set(env.branch, [...(byBranch.get(env.branch) ?? []), env]);
  }
  return [...byBranch].map(([branch, envs]) => ({
    branch,
    environments: envs,
  }));
}

/**
 * Environments may share a cluster and its load balancer, so only production
 * (or a service's only environment) answers on the spec's host; the others
 * get a subdomain of it. A wildcard host already covers every subdomain.
 */
function environmentHost(spec: WorkerPlatformSpec, env: EnvironmentSpec) {
  const host = spec.spec.api.host;
  const ownsHost =
    env.name === 'production' || spec.spec.environments.length === 1;
  return ownsHost || host.startsWith('*.') ? host : `${env.name}.${host}`;
}

function registryKind(registry: string): RenderModel['registryKind'] {
  const host = registry.split('/')[0];
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return 'ecr';
  return host === 'ghcr.io' ? 'ghcr' : 'other';
}

/** `group:default/platform` → `platform`; undefined for users. */
function ownerGroup(owner: string): string | undefined {
  const match = /^(?:(group):)?(?:[^/]+\/)?(.+)$/.exec(owner);
  const kind = owner.includes(':') ? match?.[1] : 'group';
  return kind === 'group' ? match?.[2] : undefined;
}

/** `api-relay` → `api_relay`: pool and service names as Python identifiers. */
function toIdentifier(name: string): string {
  return name.replace(/-/g, '_');
}
