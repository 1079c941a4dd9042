import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  podContainers,
  valueAt,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

/**
 * Names of ConfigMaps and Secrets an object may reference although the
 * repository does not create them (made by another team or tool), comma
 * separated.
 */
export const EXTERNAL_REFS_ANNOTATION = 'worker-platform.io/external-refs';

interface Reference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  path: (string | number)[];
}

/** Every ConfigMap and Secret a pod reads exists beside it. */
export const configRefsRule: ValidationRule = {
  id: 'cross-file/config-refs',
  family: 'cross-file',
  why: `A pod whose envFrom/env/volume names a missing ConfigMap or Secret never starts (CreateContainerConfigError); list deliberate outside ones in ${EXTERNAL_REFS_ANNOTATION}.`,
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const provided = {
        ConfigMap: new Set(
          unit.objects
            .filter(o => o.kind === 'ConfigMap')
            .map(o => o.metadata?.name),
        ),
        Secret: new Set(unit.objects.flatMap(secretNames)),
      };
      for (const object of unit.objects) {
        const external = new Set(
          (object.metadata?.annotations?.[EXTERNAL_REFS_ANNOTATION] ?? '')
            .split(',')
            .map(name => name.trim()),
        );
        for (const ref of references(object)) {
          if (provided[ref.kind].has(ref.name) || external.has(ref.name))
            continue;
          findings.push(
            findingOf(
              configRefsRule,
              context.locate(object, ref.path, unit),
              `${describeObject(object)} reads ${ref.kind} "${
                ref.name
              }", which ${
                unit.dir
              } does not create (declare it in ${EXTERNAL_REFS_ANNOTATION} if it comes from elsewhere)`,
            ),
          );
        }
      }
    }
    return findings;
  },
};

/** Names of the Secrets an object creates: a Secret, or one that a controller makes from it. */
function secretNames(object: KubernetesObject): (string | undefined)[] {
  switch (object.kind) {
    case 'Secret':
      return [object.metadata?.name];
    case 'SealedSecret':
      return [
        (valueAt(object, ['spec', 'template', 'metadata', 'name']) as string) ??
          object.metadata?.name,
      ];
    case 'ExternalSecret':
      return [
        (valueAt(object, ['spec', 'target', 'name']) as string) ??
          object.metadata?.name,
      ];
    default:
      return [];
  }
}

function references(object: KubernetesObject): Reference[] {
  const refs: Reference[] = [];
  // `ref` is a reference object; `field` the key holding the name in it.
  const add = (
    kind: Reference['kind'],
    ref: any,
    path: (string | number)[],
    field = 'name',
  ) => {
    if (ref && typeof ref[field] === 'string' && ref.optional !== true) {
      refs.push({ kind, name: ref[field], path: [...path, field] });
    }
  };
  for (const { path, container } of podContainers(object)) {
    (container.envFrom ?? []).forEach((from: any, i: number) => {
      add('ConfigMap', from?.configMapRef, [
        ...path,
        'envFrom',
        i,
        'configMapRef',
      ]);
      add('Secret', from?.secretRef, [...path, 'envFrom', i, 'secretRef']);
    });
    (container.env ?? []).forEach((env: any, i: number) => {
      add('ConfigMap', env?.valueFrom?.configMapKeyRef, [
        ...path,
        'env',
        i,
        'valueFrom',
        'configMapKeyRef',
      ]);
      add('Secret', env?.valueFrom?.secretKeyRef, [
        ...path,
        'env',
        i,
        'valueFrom',
        'secretKeyRef',
      ]);
    });
  }
  const podSpecPath = ['spec', 'template', 'spec'];
  const volumes = valueAt(object, [...podSpecPath, 'volumes']);
  (Array.isArray(volumes) ? volumes : []).forEach((volume: any, i: number) => {
    add('ConfigMap', volume?.configMap, [
      ...podSpecPath,
      'volumes',
      i,
      'configMap',
    ]);
    add(
      'Secret',
      volume?.secret,
      [...podSpecPath, 'volumes', i, 'secret'],
      'secretName',
    );
  });
  if (
    object.kind === 'TriggerAuthentication' ||
    object.kind === 'ClusterTriggerAuthentication'
  ) {
    const targets = valueAt(object, ['spec', 'secretTargetRef']);
    (Array.isArray(targets) ? targets : []).forEach((target: any, i: number) =>
      add('Secret', target, ['spec', 'secretTargetRef', i]),
    );
  }
  return refs;
}
