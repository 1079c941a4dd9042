import { KubernetesObject, valueAt } from '../repository/objects';

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
