import { KubernetesObject } from '../repository/objects';
import { patchFiles } from '../kustomize/kustomizationResources';
import { SourceLocation, ValidationContext } from '../ValidationContext';

/** An object to check against its schema, and how to point at its fields. */
export interface CheckedObject {
  object: KubernetesObject;
  /** Where the object's field at `path` is written. */
  locate(path: readonly (string | number)[]): SourceLocation;
}

// API groups of files that look like Kubernetes objects but never reach a
// cluster: kustomize's own configuration, Backstage catalog entities and the
// WorkerPlatform spec (checked by its own rule).
const NOT_CLUSTER_GROUPS = new Set([
  'kustomize.config.k8s.io',
  'backstage.io',
  'worker-platform.io',
]);

const computed = new WeakMap<ValidationContext, Promise<CheckedObject[]>>();

/**
 * Every object a schema should hold for: each one written in a YAML file
 * (patches aside: they are partial by design), and each one kustomize built
 * (where overlays may have broken what the bases got right).
 */
export function checkedObjects(
  context: ValidationContext,
): Promise<CheckedObject[]> {
  // Four rules read the same list; compute it once per validation.
  let objects = computed.get(context);
  if (!objects) {
    objects = computeCheckedObjects(context);
    computed.set(context, objects);
  }
  return objects;
}

async function computeCheckedObjects(
  context: ValidationContext,
): Promise<CheckedObject[]> {
  const patches = patchFiles(context.repo);
  const fromFiles: CheckedObject[] = context
    .sourceObjects()
    .filter(
      ({ doc, object }) =>
        !patches.has(doc.file) &&
        !NOT_CLUSTER_GROUPS.has(object.apiVersion.split('/')[0]),
    )
    .map(({ doc, object }) => ({
      object,
      locate: path => ({ file: doc.file, line: doc.lineOf(path) }),
    }));
  const built: CheckedObject[] = (await context.units())
    .filter(unit => unit.via === 'kustomize')
    .flatMap(unit =>
      unit.objects.map(object => ({
        object,
        locate: path => context.locate(object, path, unit),
      })),
    );
  return [...fromFiles, ...built];
}
