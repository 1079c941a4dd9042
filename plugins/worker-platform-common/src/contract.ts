/**
 * Names other parts rely on: the generated repository writes them, the status
 * backend selects and groups by them, the catalog entity carries them.
 * Changing one is a breaking change of the contract in docs/contract.md.
 */

/**
 * Label and annotation that tie a Kubernetes object to its catalog entity.
 *
 * @public
 */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
/**
 * The environment (`development`, `production`, …) an object belongs to.
 *
 * @public
 */
export const ENVIRONMENT_LABEL = 'worker-platform.io/environment';
/**
 * `api` or `worker`.
 *
 * @public
 */
export const COMPONENT_LABEL = 'worker-platform.io/component';
/**
 * The worker pool name, on worker objects only.
 *
 * @public
 */
export const WORKER_LABEL = 'worker-platform.io/worker';
/**
 * Annotation the Roadie and community ArgoCD plugins read to find Applications.
 *
 * @public
 */
export const ARGOCD_APP_SELECTOR_ANNOTATION = 'argocd/app-selector';

/**
 * Where the repository of a generated service lives: `url:<repository URL>`,
 * or for a repository of the local publisher `file:<its catalog-info.yaml>`
 * (set by the catalog when it reads the local publisher's directory).
 *
 * @public
 */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
/**
 * Where TechDocs finds `mkdocs.yml`: `dir:.`, the repository root.
 *
 * @public
 */
export const TECHDOCS_REF_ANNOTATION = 'backstage.io/techdocs-ref';
/**
 * The service's environments in the order of its spec, comma-separated
 * (`development,staging,production`), on its catalog Component. The status
 * backend reports environments in this order, so the promotion matrix's
 * columns and the side-by-side environments follow the spec.
 *
 * @public
 */
export const ENVIRONMENTS_ANNOTATION = 'worker-platform.io/environments';

/**
 * The environment names of an {@link ENVIRONMENTS_ANNOTATION} value, in its order.
 *
 * @public
 */
export function parseEnvironmentsAnnotation(
  value: string | undefined,
): string[] {
  return (value ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(name => name.length > 0);
}

/**
 * `owner/repo` on GitHub, read by the GitHub Actions plugin; only for GitHub repositories.
 *
 * @public
 */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/**
 * KEDA's switch for pausing autoscaling (at the current replica count).
 *
 * @public
 */
export const KEDA_PAUSED_ANNOTATION = 'autoscaling.keda.sh/paused';
/**
 * KEDA's switch for pausing autoscaling at a fixed replica count.
 *
 * @public
 */
export const KEDA_PAUSED_REPLICAS_ANNOTATION =
  'autoscaling.keda.sh/paused-replicas';

/**
 * The values of {@link COMPONENT_LABEL}.
 *
 * @public
 */
export type ComponentKind = 'api' | 'worker';

/**
 * The name of every object the renderer generates for a service, in one
 * place so that the length checks of the spec see exactly what is rendered.
 *
 * @public
 */
export const resourceNames = {
  /** API Deployment, Service, HPA, Ingress and ServiceAccount. */
  api: (service: string) => `${service}-api`,
  /** A worker pool's Deployment, ScaledObject and ServiceAccount. */
  worker: (service: string, pool: string) => `${service}-${pool}-worker`,
  /** The ArgoCD Application deploying an environment's API namespace. */
  apiApplication: (service: string, env: string) => `${service}-${env}-api`,
  /** The ArgoCD Application deploying an environment's worker namespace. */
  workersApplication: (service: string, env: string) =>
    `${service}-${env}-workers`,
  /** The ConfigMap holding non-secret settings, one per namespace. */
  config: (service: string) => `${service}-config`,
  /** The Secret (sealed in git) holding database and broker credentials. */
  secrets: (service: string) => `${service}-secrets`,
  /** KEDA TriggerAuthentication reading the Redis password from the Secret. */
  redisTriggerAuth: (service: string) => `${service}-redis-auth`,
  /** The Redis each environment runs in its worker namespace unless the spec names one. */
  redis: (service: string) => `${service}-redis`,
  /** The image of the API (also runs migrations). */
  apiImage: (service: string) => `${service}-api`,
  /** The image of a worker pool. */
  workerImage: (service: string, pool: string) => `${service}-${pool}-worker`,
};

/**
 * The Redis key Celery's Redis transport keeps a queue's messages under: the
 * queue name itself, behind the broker's `global_keyprefix` if one is set.
 * (Not `celery:queue:<q>`, the seed guide's bug: KEDA would watch an empty key.)
 *
 * @public
 */
export function celeryQueueKey(queue: string, keyPrefix = ''): string {
  return `${keyPrefix}${queue}`;
}

/**
 * The catalog `API` entity of a generated service's HTTP API (its OpenAPI document).
 *
 * @public
 */
export const apiEntityName = (service: string) => `${service}-api`;
