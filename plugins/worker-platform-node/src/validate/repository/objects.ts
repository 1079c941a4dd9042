/** A parsed Kubernetes-style object: anything with `apiVersion` and `kind`. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/** Whether a YAML value is a Kubernetes-style object. */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KubernetesObject).apiVersion === 'string' &&
    typeof (value as KubernetesObject).kind === 'string'
  );
}

/** The value at a path of plain objects and arrays, or `undefined`. */
export function valueAt(
  value: unknown,
  path: readonly (string | number)[],
): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** `objects` of one kind (and optionally one API group, e.g. `keda.sh`). */
export function ofKind<T extends KubernetesObject = KubernetesObject>(
  objects: readonly KubernetesObject[],
  kind: string,
  group?: string,
): T[] {
  return objects.filter(
    o =>
      o.kind === kind &&
      (group === undefined || o.apiVersion.split('/')[0] === group),
  ) as T[];
}

/** `Kind/name`, how messages name an object. */
export function describeObject(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata?.name ?? '(unnamed)'}`;
}

/** A JSON-pointer-like path, `/spec/template/spec/containers/0`. */
export function formatPointer(path: readonly (string | number)[]): string {
  return path.map(segment => `/${segment}`).join('');
}

/** Every container and init container of a workload's pod template (or of a Pod/Job spec). */
export function podContainers(
  object: KubernetesObject,
): { path: (string | number)[]; container: Record<string, any> }[] {
  const specPaths: (string | number)[][] = [
    ['spec', 'template', 'spec'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ];
  for (const specPath of specPaths) {
    const podSpec = valueAt(object, specPath) as
      | Record<string, any>
      | undefined;
    if (podSpec && typeof podSpec === 'object') {
      return ['initContainers', 'containers'].flatMap(field =>
        (Array.isArray(podSpec[field]) ? podSpec[field] : []).map(
          (container: Record<string, any>, index: number) => ({
            path: [...specPath, field, index],
            container,
          }),
        ),
      );
    }
  }
  return [];
}
