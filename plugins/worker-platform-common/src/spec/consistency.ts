import type { z } from 'zod';
import { resourceNames } from '../contract';
import { defaultNamespaces } from './environmentDefaults';
import { MAX_DNS_LABEL_LENGTH } from './formats';
import { didYouMean } from './suggest';

type Path = (string | number)[];

/** The API's HPA minimum when the spec gives neither `replicas` nor `autoscaling.min`. */
const DEFAULT_API_MIN_REPLICAS = 3;

/** The API's HPA minimum: `autoscaling.min`, else `replicas` (the spec refuses two different ones). */
export function apiMinimumReplicas(api: {
  replicas?: number;
  autoscaling: { min?: number };
}): number {
  return api.autoscaling.min ?? api.replicas ?? DEFAULT_API_MIN_REPLICAS;
}

/** The shape the consistency checks read: the parsed document before normalization. */
interface ParsedDocument {
  metadata: { name: string };
  spec: {
    api: { replicas?: number; autoscaling: { min?: number; max: number } };
    workers: {
      name: string;
      queues: { name: string }[];
      scaling: { min: number; max: number };
    }[];
    environments: {
      name: string;
      namespaces?: { service?: string; worker?: string };
      overrides: {
        api?: {
          replicas?: number;
          autoscaling?: { min?: number; max?: number };
        };
        workers?: Record<string, { scaling?: { min?: number; max?: number } }>;
      };
    }[];
  };
}

/**
 * The rules that span fields: uniqueness, ranges that must hold after
 * overrides, references between sections, and the length of every name the
 * renderer will derive. Each issue names the field a user has to change.
 */
export function checkSpecConsistency(
  doc: ParsedDocument,
  ctx: z.RefinementCtx,
): void {
  const report = (path: Path, message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  const { spec } = doc;

  reportDuplicates(
    spec.workers.map((w, i) => ({
      value: w.name,
      path: ['spec', 'workers', i, 'name'],
    })),
    'worker pool',
    '',
    report,
  );
  reportDuplicates(
    spec.workers.flatMap((w, i) =>
      w.queues.map((q, j) => ({
        value: q.name,
        path: ['spec', 'workers', i, 'queues', j, 'name'],
      })),
    ),
    'queue',
    ': a queue is consumed by exactly one pool, or KEDA would scale two pools for one backlog',
    report,
  );
  reportDuplicates(
    spec.environments.map((e, i) => ({
      value: e.name,
      path: ['spec', 'environments', i, 'name'],
    })),
    'environment',
    '',
    report,
  );

  const baseAutoscaling = {
    ...spec.api.autoscaling,
    min: apiMinimumReplicas(spec.api),
  };
  checkRange(baseAutoscaling, ['spec', 'api', 'autoscaling'], report);
  // The HPA owns the API's replica count, so `replicas` can only mean its
  // minimum; two different minimums would leave one of them doing nothing.
  if (
    spec.api.replicas !== undefined &&
    spec.api.autoscaling.min !== undefined &&
    spec.api.replicas !== spec.api.autoscaling.min
  ) {
    report(
      ['spec', 'api', 'replicas'],
      `replicas (${spec.api.replicas}) is the HPA minimum, but autoscaling.min is ${spec.api.autoscaling.min}; give one of them, or the same value`,
    );
  }
  spec.workers.forEach((w, i) =>
    checkRange(w.scaling, ['spec', 'workers', i, 'scaling'], report),
  );

  const poolNames = spec.workers.map(w => w.name);
  spec.environments.forEach((env, e) => {
    const envPath: Path = ['spec', 'environments', e];
    const apiOverride = env.overrides.api?.autoscaling;
    const replicas = env.overrides.api?.replicas;
    if (
      replicas !== undefined &&
      apiOverride?.min !== undefined &&
      apiOverride.min !== replicas
    ) {
      report(
        [...envPath, 'overrides', 'api', 'replicas'],
        `replicas (${replicas}) is this environment's HPA minimum, but autoscaling.min is ${apiOverride.min}; give one of them`,
      );
    } else if (replicas !== undefined) {
      const max = apiOverride?.max ?? baseAutoscaling.max;
      if (replicas > max) {
        report(
          [...envPath, 'overrides', 'api', 'replicas'],
          `replicas (${replicas}) is this environment's HPA minimum and must not exceed max (${max})`,
        );
      }
    } else if (apiOverride) {
      checkRange(
        { ...baseAutoscaling, ...apiOverride },
        [...envPath, 'overrides', 'api', 'autoscaling'],
        report,
      );
    }
    for (const [pool, override] of Object.entries(
      env.overrides.workers ?? {},
    )) {
      const overridePath: Path = [...envPath, 'overrides', 'workers', pool];
      const worker = spec.workers.find(w => w.name === pool);
      if (!worker) {
        report(
          overridePath,
          `no worker pool named "${pool}"${didYouMean(pool, poolNames)}`,
        );
        continue;
      }
      if (override.scaling) {
        checkRange(
          { ...worker.scaling, ...override.scaling },
          [...overridePath, 'scaling'],
          report,
        );
      }
    }
  });

  checkDerivedNames(doc, report);
}

function reportDuplicates(
  entries: { value: string; path: Path }[],
  what: string,
  why: string,
  report: (path: Path, message: string) => void,
) {
  const seen = new Set<string>();
  for (const { value, path } of entries) {
    if (seen.has(value)) {
      report(path, `duplicate ${what} name "${value}"${why}`);
    }
    seen.add(value);
  }
}

function checkRange(
  range: { min?: number; max?: number },
  path: Path,
  report: (path: Path, message: string) => void,
) {
  if (
    range.min !== undefined &&
    range.max !== undefined &&
    range.min > range.max
  ) {
    report(
      [...path, 'min'],
      `min (${range.min}) must not exceed max (${range.max})`,
    );
  }
}

function checkDerivedNames(
  { metadata, spec }: ParsedDocument,
  report: (path: Path, message: string) => void,
) {
  const service = metadata.name;
  const checkLength = (name: string, path: Path, what: string) => {
    if (name.length > MAX_DNS_LABEL_LENGTH) {
      report(
        path,
        `makes the ${what} "${name}" ${name.length} characters long; Kubernetes allows ${MAX_DNS_LABEL_LENGTH}`,
      );
    }
  };

  checkLength(
    resourceNames.api(service),
    ['metadata', 'name'],
    'API Deployment name',
  );
  spec.workers.forEach((w, i) =>
    checkLength(
      resourceNames.worker(service, w.name),
      ['spec', 'workers', i, 'name'],
      'worker Deployment name',
    ),
  );

  const namespaceOwners = new Map<string, string>();
  spec.environments.forEach((env, e) => {
    const envPath: Path = ['spec', 'environments', e];
    checkLength(
      resourceNames.workersApplication(service, env.name),
      [...envPath, 'name'],
      'ArgoCD Application name',
    );
    const defaults = defaultNamespaces(service, env.name);
    for (const side of ['service', 'worker'] as const) {
      const explicit = env.namespaces?.[side];
      const namespace = explicit ?? defaults[side];
      const path: Path = explicit
        ? [...envPath, 'namespaces', side]
        : [...envPath, 'name'];
      checkLength(namespace, path, `${side} namespace`);
      const owner = namespaceOwners.get(namespace);
      if (owner) {
        report(
          path,
          `${side} namespace "${namespace}" is already used by ${owner}; each environment needs its own namespaces`,
        );
      }
      namespaceOwners.set(namespace, `environment "${env.name}" (${side})`);
    }
  });
}
