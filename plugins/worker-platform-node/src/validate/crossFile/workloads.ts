import {
  KubernetesObject,
  podContainers,
  valueAt,
} from '../repository/objects';

/** Whether every pair of a label selector's `matchLabels` (or a Service's plain selector) is in `labels`. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(
    ([key, value]) => labels?.[key] === value,
  );
}

/** The labels of a workload's pod template. */
export function podLabels(
  object: KubernetesObject,
): Record<string, string> | undefined {
  return valueAt(object, ['spec', 'template', 'metadata', 'labels']) as
    | Record<string, string>
    | undefined;
}

/** The object a `scaleTargetRef`/`targetRef` names, among `objects`. */
export function findTarget(
  objects: readonly KubernetesObject[],
  ref: { kind?: string; name?: string } | undefined,
): KubernetesObject | undefined {
  const kind = ref?.kind ?? 'Deployment';
  return objects.find(o => o.kind === kind && o.metadata?.name === ref?.name);
}

/** The queues a Celery worker command line consumes (`-Q a,b`, `--queues=a,b`); Celery's default queue when none is given. */
export function celeryQueues(
  commandLine: readonly string[],
): string[] | undefined {
  if (
    !commandLine.some(
      part => /(^|\s|\/)celery$/.test(part) || part === 'celery',
    )
  ) {
    return undefined;
  }
  if (!commandLine.includes('worker')) return undefined;
  for (let i = 0; i < commandLine.length; i++) {
    const part = commandLine[i];
    const inline = /^(?:--queues|-Q)=(.*)$/.exec(part);
    let value: string | undefined = inline?.[1];
    if (value === undefined && (part === '--queues' || part === '-Q')) {
      value = commandLine[i + 1];
    }
    if (value !== undefined) {
      return value
        .split(',')
        .map(q => q.trim())
        .filter(Boolean);
    }
  }
  return ['celery'];
}

/**
 * The value a container sees for an environment variable: its own `env`
 * entry, else the first ConfigMap of its `envFrom` (among `objects`) that
 * has the key. `undefined` when neither sets it.
 */
export function containerVariable(
  container: Record<string, any>,
  objects: readonly KubernetesObject[],
  name: string,
): string | undefined {
  const direct = (container.env ?? []).find(
    (e: { name?: string }) => e?.name === name,
  );
  if (typeof direct?.value === 'string') return direct.value;
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find(
      o =>
        o.kind === 'ConfigMap' &&
        o.metadata?.name === source?.configMapRef?.name,
    );
    const value = (configMap?.data as Record<string, unknown> | undefined)?.[
      name
    ];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Kubernetes' `$(VAR)` reference in a command, argument or env value; the name is group 1. */
export const VARIABLE_REFERENCE = /\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g;

/** A container's command and arguments with Kubernetes' `$(VAR)` references expanded from its own literal `env` values. */
export function expandedCommandLine(container: Record<string, any>): string[] {
  const values = new Map<string, string>();
  for (const entry of container.env ?? []) {
    if (typeof entry?.name === 'string' && typeof entry?.value === 'string') {
      values.set(entry.name, entry.value);
    }
  }
  return [...(container.command ?? []), ...(container.args ?? [])]
    .map(String)
    .map(part =>
      part.replace(
        VARIABLE_REFERENCE,
        (whole, name: string) => values.get(name) ?? whole,
      ),
    );
}

/** The value of a `--name=value` (or `--name value`) option of a command line. */
export function optionValue(
  commandLine: readonly string[],
  name: string,
): string | undefined {
  for (let i = 0; i < commandLine.length; i++) {
    if (commandLine[i].startsWith(`${name}=`)) {
      return commandLine[i].slice(name.length + 1);
    }
    if (commandLine[i] === name) return commandLine[i + 1];
  }
  return undefined;
}

/** The Celery worker containers of a unit's workloads, with their expanded command lines. */
export function celeryWorkers(objects: readonly KubernetesObject[]) {
  return objects.flatMap(object =>
    podContainers(object)
      .map(({ path, container }) => ({
        object,
        path,
        container,
        commandLine: expandedCommandLine(container),
      }))
      .filter(({ commandLine }) => celeryQueues(commandLine) !== undefined),
  );
}
