import { KubernetesObject } from '../repository/objects';
import { loadModel } from './loadModel';

/** A schema violation, as ajv reports it. */
export interface SchemaViolation {
  path: (string | number)[];
  message: string;
}

/** What the schema of an object's kind says about it. */
export interface SchemaReport {
  violations: SchemaViolation[];
  /** Paths of fields the schema does not define. */
  unknownFields: (string | number)[][];
}

interface ReadLog {
  path: (string | number)[];
  target: object;
  read: Set<string>;
  enumerated: boolean;
}

const reports = new WeakMap<KubernetesObject, SchemaReport | undefined>();

/**
 * Validates an object against its kind's schema and, in the same pass,
 * finds fields the schema does not define. The compiled validators of
 * `kubernetes-models` accept unknown fields, but they read every property
 * their schema declares (and enumerate the keys of maps), so any key of an
 * object that the validator looked into but never read is unknown to the
 * schema: `configMapRef.namespace`, `pollingIntervl`.
 *
 * @returns `undefined` when no installed package models the kind.
 */
export function checkSchema(
  object: KubernetesObject,
): SchemaReport | undefined {
  if (reports.has(object)) return reports.get(object);
  const model = loadModel(object.apiVersion, object.kind);
  let report: SchemaReport | undefined;
  if (model) {
    const logs: ReadLog[] = [];
    let violations: SchemaViolation[] = [];
    try {
      model.prototype.validate.call(watchReads(object, [], logs));
    } catch (error) {
      const errors = (
        error as { errors?: { instancePath: string; message?: string }[] }
      ).errors;
      if (!errors) throw error;
      violations = errors.map(e => ({
        path: e.instancePath.split('/').slice(1).map(unescapePointer),
        message: e.message ?? 'is invalid',
      }));
    }
    report = {
      violations,
      unknownFields: unknownFields(logs).filter(
        path => !droppedByGenerator(object, path),
      ),
    };
  }
  reports.set(object, report);
  return report;
}

function watchReads(
  target: object,
  path: (string | number)[],
  logs: ReadLog[],
): object {
  const log: ReadLog = { path, target, read: new Set(), enumerated: false };
  logs.push(log);
  const children = new Map<string, object>();
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof key !== 'string') return value;
      log.read.add(key);
      if (value === null || typeof value !== 'object') return value;
      let child = children.get(key);
      if (!child) {
        const segment = Array.isArray(obj) ? Number(key) : key;
        child = watchReads(value, [...path, segment], logs);
        children.set(key, child);
      }
      return child;
    },
    has(obj, key) {
      if (typeof key === 'string') log.read.add(key);
      return Reflect.has(obj, key);
    },
    ownKeys(obj) {
      log.enumerated = true;
      return Reflect.ownKeys(obj);
    },
  });
}

function unknownFields(logs: ReadLog[]): (string | number)[][] {
  return logs.flatMap(log => {
    // A map (enumerated) or a free-form object (nothing read) has no fixed fields.
    if (Array.isArray(log.target) || log.enumerated || log.read.size === 0)
      return [];
    return Object.keys(log.target)
      .filter(key => !log.read.has(key))
      .map(key => [...log.path, key]);
  });
}

/**
 * The ArgoCD models lose every property named `description` (their
 * generator reads it as the schema keyword), although AppProject and its
 * roles have one.
 */
function droppedByGenerator(
  object: KubernetesObject,
  path: (string | number)[],
): boolean {
  return (
    object.apiVersion.startsWith('argoproj.io/') &&
    path[path.length - 1] === 'description'
  );
}

function unescapePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}
