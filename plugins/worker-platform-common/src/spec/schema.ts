import { z } from 'zod';
import {
  argocdUrl,
  awsRegion,
  branchName,
  debianPackage,
  dnsLabel,
  hostName,
  labelKey,
  labelValue,
  nonNegativeInt,
  ownerRef,
  percentage,
  positiveInt,
  quantity,
  queueName,
  registry,
  repoUrl,
  serverUrl,
  slackChannel,
  ssoGroup,
  systemRef,
} from './formats';
import { apiMinimumReplicas, checkSpecConsistency } from './consistency';
import { normalizeEnvironment } from './environmentDefaults';
import {
  OrganisationValues,
  resolveOrganisationValues,
  SpecDefaults,
} from './specDefaults';

/**
 * The `apiVersion` of the only spec version so far.
 *
 * @public
 */
export const WORKER_PLATFORM_API_VERSION = 'worker-platform.io/v1alpha1';
/**
 * The `kind` of a spec document.
 *
 * @public
 */
export const WORKER_PLATFORM_KIND = 'WorkerPlatform';

// Defaults are the values of the seed guide's PingvasAI service, the service
// this product was first built for — except the values that are an
// organisation's rather than a service's (owner, registry, API domain): those
// come from SpecDefaults (see workerPlatformSpecSchema), so that the schema,
// and the JSON Schema editors read, carries no organisation's values.

/**
 * CPU and memory of a container's requests or limits, as Kubernetes
 * quantities.
 *
 * @public
 */
export const resourceListSchema = z.strictObject({
  cpu: quantity(),
  memory: quantity(),
});

/**
 * A container's `requests` and `limits`.
 *
 * @public
 */
export const resourcesSchema = z.strictObject({
  requests: resourceListSchema,
  limits: resourceListSchema,
});

const partialResourcesSchema = z.strictObject({
  requests: resourceListSchema.partial().optional(),
  limits: resourceListSchema.partial().optional(),
});

const autoscalingFields = {
  min: positiveInt(),
  max: positiveInt(),
  cpuUtilization: percentage(),
  memoryUtilization: percentage(),
};

const autoscalingSchema = z.strictObject({
  // Defaults to `api.replicas` (see the transform below).
  min: autoscalingFields.min.optional(),
  max: autoscalingFields.max.default(20),
  cpuUtilization: autoscalingFields.cpuUtilization.default(70),
  memoryUtilization: autoscalingFields.memoryUtilization.default(80),
});

// Overrides carry no defaults: a default would silently replace the base value.
const autoscalingOverrideSchema = z.strictObject(autoscalingFields).partial();

const apiSchema = z.strictObject({
  port: z
    .int({ error: 'must be a whole number' })
    .min(1024, {
      error: 'must be between 1024 and 65535 (the image runs as non-root)',
    })
    .max(65535, { error: 'must be between 1024 and 65535' })
    .default(8000),
  host: hostName()
    .optional()
    .describe(
      "The Ingress host of the API; <metadata.name>.<apiDomain> when left out, with the platform's workerPlatform.defaults.apiDomain",
    ),
  /**
   * The HPA owns the API's replica count, so `replicas` is its minimum:
   * the same value as `autoscaling.min` (either may be given).
   */
  replicas: positiveInt().optional(),
  autoscaling: autoscalingSchema.prefault({}),
  resources: resourcesSchema.default({
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { cpu: '1000m', memory: '1Gi' },
  }),
});

const queueSchema = z.strictObject({
  name: queueName(),
  /** KEDA's redis `listLength`: the queue length per replica that triggers a scale-up. */
  targetLength: positiveInt().default(5),
});

const scalingFields = {
  min: nonNegativeInt(),
  max: positiveInt(),
  pollingInterval: positiveInt(),
  cooldownPeriod: nonNegativeInt(),
};

const scalingSchema = z.strictObject({
  min: scalingFields.min.default(0),
  max: scalingFields.max.default(5),
  pollingInterval: scalingFields.pollingInterval.default(15),
  cooldownPeriod: scalingFields.cooldownPeriod.default(300),
});

const scalingOverrideSchema = z.strictObject(scalingFields).partial();

/** The longest a task may run, in seconds: 24 hours. */
const MAX_TASK_TIMEOUT_SECONDS = 86400;

const workerSchema = z.strictObject({
  name: dnsLabel(),
  gpu: nonNegativeInt().default(0),
  concurrency: positiveInt().default(1),
  /**
   * How long one task may run, in seconds: Celery's soft time limit. The
   * hard limit, the Redis visibility timeout, the pods' termination grace
   * period and KEDA's scale-down pace are derived from it. The default
   * depends on `gpu` (see {@link defaultTaskTimeout}).
   */
  taskTimeout: positiveInt()
    .max(MAX_TASK_TIMEOUT_SECONDS, {
      error: `must be at most ${MAX_TASK_TIMEOUT_SECONDS} seconds (24 hours)`,
    })
    .optional(),
  nodeSelector: z.record(labelKey(), labelValue()).default({}),
  systemPackages: z.array(debianPackage()).default([]),
  queues: z
    .array(queueSchema)
    .min(1, { error: 'a worker pool needs at least one queue' }),
  scaling: scalingSchema.prefault({}),
  resources: resourcesSchema.optional(),
});

const workerOverrideSchema = z.strictObject({
  concurrency: positiveInt().optional(),
  scaling: scalingOverrideSchema.optional(),
  resources: partialResourcesSchema.optional(),
});

const environmentSchema = z.strictObject({
  name: dnsLabel(),
  branch: branchName().optional(),
  autoSync: z.boolean().optional(),
  /** The ArgoCD destination server; the cluster ArgoCD itself runs in by default. */
  cluster: serverUrl().optional(),
  namespaces: z
    .strictObject({
      service: dnsLabel().optional(),
      worker: dnsLabel().optional(),
    })
    .optional(),
  overrides: z
    .strictObject({
      api: z
        .strictObject({
          replicas: positiveInt().optional(),
          autoscaling: autoscalingOverrideSchema.optional(),
          resources: partialResourcesSchema.optional(),
        })
        .optional(),
      workers: z.record(z.string(), workerOverrideSchema).optional(),
      /** Extra ConfigMap entries for this environment, merged into both namespaces' ConfigMaps. */
      config: z
        .record(
          z.string().regex(/^[-._a-zA-Z0-9]+$/, {
            error: 'must be a ConfigMap key: letters, digits, "-", "_" and "."',
          }),
          z.string(),
        )
        .optional(),
    })
    .prefault({}),
});

/**
 * The strategies a service can be delivered with; exactly one applies to the API Deployment.
 *
 * @public
 */
export const DELIVERY_STRATEGIES = ['rolling', 'blue-green', 'canary'] as const;

const specBodySchema = z.strictObject({
  registry: registry()
    .optional()
    .describe(
      "The container registry the images are pushed to and pulled from; the platform's workerPlatform.defaults.registry when left out",
    ),
  region: awsRegion().default('us-east-1'),
  gitops: z
    .strictObject({
      repoUrl: repoUrl().optional(),
      argocdNamespace: dnsLabel().default('argocd'),
      project: dnsLabel().optional(),
      /**
       * SSO groups given the AppProject's developer role (view and sync the
       * service's Applications); none by default, so nobody gets it
       * implicitly.
       */
      developerGroups: z
        .array(ssoGroup())
        .refine(groups => new Set(groups).size === groups.length, {
          error: 'must not name a group twice',
        })
        .optional(),
      /** The ArgoCD UI, linked from notifications (their `context.argocdUrl`). */
      argocdUrl: argocdUrl().optional(),
    })
    .prefault({}),
  redis: z
    .strictObject({
      /**
       * An external Redis; without it each environment runs its own Redis in
       * its worker namespace (see `redisAddress`).
       */
      address: z
        .string()
        .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?:[0-9]{1,5}$/, {
          error:
            'must be host:port, such as redis.shared.svc.cluster.local:6379',
        })
        .optional(),
      databaseIndex: z
        .int({ error: 'must be a whole number' })
        .min(0, { error: 'must be between 0 and 15' })
        .max(15, { error: 'must be between 0 and 15' })
        .default(0),
      /** Celery's `global_keyprefix` broker option; it prefixes every queue's Redis key. */
      keyPrefix: z
        .string()
        .regex(/^[A-Za-z0-9_.:-]*$/, {
          error: 'may contain only letters, digits, "_", ".", ":" and "-"',
        })
        .default(''),
    })
    .prefault({}),
  api: apiSchema.prefault({}),
  workers: z
    .array(workerSchema)
    .min(1, { error: 'a service needs at least one worker pool' }),
  environments: z
    .array(environmentSchema)
    .min(1, { error: 'a service needs at least one environment' }),
  delivery: z
    .strictObject({
      strategy: z
        .enum(DELIVERY_STRATEGIES, {
          error: `must be one of ${DELIVERY_STRATEGIES.join(', ')}`,
        })
        .default('rolling'),
    })
    .prefault({}),
  notifications: z
    .strictObject({ slackChannel: slackChannel().default('deployments') })
    .prefault({}),
});

const metadataSchema = z.strictObject({
  name: dnsLabel(),
  owner: ownerRef()
    .optional()
    .describe(
      "The catalog entity that owns the service; the platform's workerPlatform.defaults.owner when left out",
    ),
  /** The catalog System the service belongs to (`spec.system` of its Component). */
  system: systemRef().optional(),
  description: z
    .string()
    .max(1000, { error: 'must be at most 1000 characters' })
    .default(''),
});

/**
 * The zod schema of a `WorkerPlatform` document, before normalization: it
 * checks every field and the rules that span fields, and fills the defaults
 * that do not depend on other fields.
 *
 * @public
 */
export const workerPlatformDocumentSchema = z
  .strictObject({
    apiVersion: z.literal(WORKER_PLATFORM_API_VERSION, {
      error: `must be ${WORKER_PLATFORM_API_VERSION}`,
    }),
    kind: z.literal(WORKER_PLATFORM_KIND, {
      error: `must be ${WORKER_PLATFORM_KIND}`,
    }),
    metadata: metadataSchema,
    spec: specBodySchema,
  })
  .superRefine(checkSpecConsistency);

/**
 * The schema that turns a document into a {@link WorkerPlatformSpec}: every
 * default applied, including those derived from other fields (namespaces,
 * branches, the repository URL) and the organisation's `defaults` for the
 * owner, registry and API host. A field left out that no default covers is
 * an error on that field.
 *
 * @public
 */
export function workerPlatformSpecSchema(defaults: SpecDefaults = {}) {
  return (
    workerPlatformDocumentSchema
      // Runs even when other fields are wrong, so that a missing value is
      // listed with every other error rather than after they are fixed.
      .superRefine(
        (doc, ctx) => {
          const resolved = resolveOrganisationValues(doc, defaults);
          if (!resolved.ok) {
            for (const issue of resolved.issues) {
              ctx.addIssue({ code: 'custom', ...issue });
            }
          }
        },
        { when: () => true },
      )
      .transform((doc, ctx) => {
        const resolved = resolveOrganisationValues(doc, defaults);
        if (!resolved.ok) {
          // Unreachable: the refinement above reported these already.
          for (const issue of resolved.issues) {
            ctx.addIssue({ code: 'custom', ...issue });
          }
          return z.NEVER;
        }
        return normalizeDocument(doc, resolved.values);
      })
  );
}

type ParsedDocument = z.output<typeof workerPlatformDocumentSchema>;

function normalizeDocument(
  doc: ParsedDocument,
  organisation: OrganisationValues,
) {
  const name = doc.metadata.name;
  // Keys in schema order, so that the written spec parses back to the same
  // text (.worker-platform/spec.yaml is compared byte-wise); the owner and
  // registry, absent when left out, are put back in their places.
  const { name: _name, owner: _owner, ...metadata } = doc.metadata;
  const { registry: _registry, ...spec } = doc.spec;
  return {
    ...doc,
    metadata: { name, owner: organisation.owner, ...metadata },
    spec: {
      registry: organisation.registry,
      ...spec,
      gitops: {
        repoUrl: spec.gitops.repoUrl ?? `https://github.com/example/${name}`,
        argocdNamespace: spec.gitops.argocdNamespace,
        project: spec.gitops.project ?? name,
        // Optional keys stay out of the written spec unless given.
        ...(spec.gitops.developerGroups && {
          developerGroups: spec.gitops.developerGroups,
        }),
        ...(spec.gitops.argocdUrl && {
          argocdUrl: spec.gitops.argocdUrl,
        }),
      },
      api: apiWithMinimum(spec.api, organisation.host),
      workers: spec.workers.map(worker => ({
        name: worker.name,
        gpu: worker.gpu,
        concurrency: worker.concurrency,
        taskTimeout: worker.taskTimeout ?? defaultTaskTimeout(worker.gpu),
        nodeSelector: worker.nodeSelector,
        systemPackages: worker.systemPackages,
        queues: worker.queues,
        scaling: worker.scaling,
        resources: worker.resources ?? defaultWorkerResources(worker.gpu),
      })),
      environments: spec.environments.map(env =>
        normalizeEnvironment(name, env),
      ),
    },
  };
}

/**
 * A pool's task timeout when the spec gives none: the seed guide's
 * termination grace periods (300 s for GPU pools, 120 s for the others)
 * less the margins the render adds on top of the soft limit.
 */
function defaultTaskTimeout(gpu: number): number {
  return gpu > 0 ? 240 : 60;
}

function apiWithMinimum(api: z.output<typeof apiSchema>, host: string) {
  const min = apiMinimumReplicas(api);
  return {
    port: api.port,
    host,
    replicas: min,
    autoscaling: {
      min,
      max: api.autoscaling.max,
      cpuUtilization: api.autoscaling.cpuUtilization,
      memoryUtilization: api.autoscaling.memoryUtilization,
    },
    resources: api.resources,
  };
}

function defaultWorkerResources(gpu: number) {
  return gpu > 0
    ? {
        requests: { cpu: '2000m', memory: '8Gi' },
        limits: { cpu: '4000m', memory: '16Gi' },
      }
    : {
        requests: { cpu: '500m', memory: '512Mi' },
        limits: { cpu: '1000m', memory: '1Gi' },
      };
}

/**
 * A `WorkerPlatform` document as a user writes it: most fields optional.
 *
 * @public
 */
export type WorkerPlatformSpecInput = z.input<
  ReturnType<typeof workerPlatformSpecSchema>
>;

/**
 * A validated `WorkerPlatform` spec with every default applied.
 *
 * @public
 */
export type WorkerPlatformSpec = z.output<
  ReturnType<typeof workerPlatformSpecSchema>
>;

/**
 * One worker pool of a normalized spec.
 *
 * @public
 */
export type WorkerPoolSpec = WorkerPlatformSpec['spec']['workers'][number];

/**
 * One queue of a worker pool.
 *
 * @public
 */
export type QueueSpec = WorkerPoolSpec['queues'][number];

/**
 * One environment of a normalized spec.
 *
 * @public
 */
export type EnvironmentSpec =
  WorkerPlatformSpec['spec']['environments'][number];

/**
 * Kubernetes CPU and memory requests and limits.
 *
 * @public
 */
export type ResourceRequirements = z.output<typeof resourcesSchema>;

/**
 * A delivery strategy name.
 *
 * @public
 */
export type DeliveryStrategy = (typeof DELIVERY_STRATEGIES)[number];
