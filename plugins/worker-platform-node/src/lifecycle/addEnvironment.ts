import {
  EnvironmentSpec,
  validateSpec,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * A new environment for an existing service: the fields of a spec
 * environment, plus the environment to copy the rest from.
 *
 * @public
 */
export interface EnvironmentAddition {
  name: string;
  /** The branch ArgoCD deploys from; derived from the name if not given. */
  branch?: string;
  autoSync?: boolean;
  /** The ArgoCD destination server. */
  cluster?: string;
  namespaces?: { service?: string; worker?: string };
  /** `overrides` of a spec environment; merged over those copied from `copyFrom`. */
  overrides?: Record<string, unknown>;
  /**
   * An existing environment whose `autoSync`, `cluster` and `overrides` the
   * new one starts from. Its branch and namespaces are not copied: they are
   * the environment's identity and would collide.
   */
  copyFrom?: string;
}

/**
 * A problem with one field of an {@link EnvironmentAddition}, such as
 * `name` or `overrides.workers.gpu.scaling.max`; a field outside the
 * addition means the stored spec itself is invalid.
 *
 * @public
 */
export interface EnvironmentFieldError {
  field: string;
  message: string;
}

/** What {@link addEnvironment} returns. @public */
export type AddEnvironmentResult =
  | { ok: true; spec: WorkerPlatformSpec; environment: EnvironmentSpec }
  | { ok: false; errors: EnvironmentFieldError[] };

/**
 * The spec with one more environment, checked like any spec: a name in use
 * and every derived name that would collide (namespaces) or grow too long
 * (Application names, namespaces) come back as errors on the addition's
 * fields.
 *
 * @public
 */
export function addEnvironment(
  spec: WorkerPlatformSpec,
  addition: EnvironmentAddition,
): AddEnvironmentResult {
  const existing = spec.spec.environments;
  const names = existing.map(env => env.name).join(', ');
  if (existing.some(env => env.name === addition.name)) {
    return failure('name', `environment "${addition.name}" already exists`);
  }
  const source = addition.copyFrom
    ? existing.find(env => env.name === addition.copyFrom)
    : undefined;
  if (addition.copyFrom && !source) {
    return failure(
      'copyFrom',
      `no environment named "${addition.copyFrom}"; the service has ${names}`,
    );
  }

  const environment = withoutUndefined({
    name: addition.name,
    branch: addition.branch,
    autoSync: addition.autoSync ?? source?.autoSync,
    cluster: addition.cluster ?? source?.cluster,
    namespaces: addition.namespaces,
    overrides: mergeObjects(
      structuredClone(source?.overrides ?? {}),
      addition.overrides ?? {},
    ),
  });
  const result = validateSpec({
    ...spec,
    spec: { ...spec.spec, environments: [...existing, environment] },
  });
  if (!result.ok) {
    const prefix = `spec.environments[${existing.length}]`;
    return {
      ok: false,
      errors: result.errors.map(error => ({
        field: error.path.startsWith(prefix)
          ? error.path.slice(prefix.length).replace(/^\./, '') || 'name'
          : error.path,
        message: error.message,
      })),
    };
  }
  // Normalizing appends derived fields after the given ones; a second pass
  // puts every key in schema order, so the stored spec.yaml is the text the
  // next re-render writes too, and an upgrade does not rewrite it.
  const canonical = validateSpec(result.spec);
  if (!canonical.ok) {
    throw new Error('a normalized spec failed validation');
  }
  const added = canonical.spec.spec.environments[existing.length];
  return { ok: true, spec: canonical.spec, environment: added };
}

function failure(field: string, message: string): AddEnvironmentResult {
  return { ok: false, errors: [{ field, message }] };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges `patch` into `target`: objects merge, anything else replaces. */
function mergeObjects(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    target[key] =
      isPlainObject(current) && isPlainObject(value)
        ? mergeObjects(current, value)
        : value;
  }
  return target;
}
