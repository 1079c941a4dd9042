/**
 * How the fake server maps request paths and objects to its collections,
 * following the API server's URL layout:
 * `/apis/<group>/<version>[/namespaces/<ns>]/<plural>` and `/api/v1/…`.
 */

/** A collection request, parsed from its path. */
export interface CollectionPath {
  /** `argoproj.io/v1alpha1`, `apps/v1` or `v1`. */
  apiVersion: string;
  plural: string;
  namespace?: string;
}

/** A request for one object, parsed from its path. */
export interface ObjectPath extends CollectionPath {
  name: string;
}

/** An external metric request, parsed from its path. */
export interface ExternalMetricPath {
  namespace: string;
  metric: string;
}

const EXTERNAL_METRICS_PREFIX = '/apis/external.metrics.k8s.io/v1beta1/';

/** The lower-case plural the API server uses for a kind. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The key of the collection holding objects of an apiVersion and plural. */
export function collectionKey(apiVersion: string, plural: string): string {
  return `${apiVersion}/${plural}`;
}

/** Parses `/apis/external.metrics.k8s.io/v1beta1/namespaces/<ns>/<metric>`. */
export function parseExternalMetricPath(
  pathname: string,
): ExternalMetricPath | undefined {
  if (!pathname.startsWith(EXTERNAL_METRICS_PREFIX)) return undefined;
  const parts = pathname.slice(EXTERNAL_METRICS_PREFIX.length).split('/');
  if (parts.length !== 3 || parts[0] !== 'namespaces') return undefined;
  return { namespace: parts[1], metric: parts[2] };
}

/** Parses a cluster-wide or namespaced collection path; undefined for anything else. */
export function parseCollectionPath(
  pathname: string,
): CollectionPath | undefined {
  const parts = pathname.split('/').filter(part => part !== '');
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    apiVersion = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest.length === 1) return { apiVersion, plural: rest[0] };
  if (rest.length === 3 && rest[0] === 'namespaces') {
    return { apiVersion, namespace: rest[1], plural: rest[2] };
  }
  return undefined;
}

/** Parses the path of one object: a collection path followed by `/<name>`. */
export function parseObjectPath(pathname: string): ObjectPath | undefined {
  if (pathname.startsWith(EXTERNAL_METRICS_PREFIX)) return undefined;
  const at = pathname.replace(/\/+$/, '').lastIndexOf('/');
  if (at <= 0) return undefined;
  const collection = parseCollectionPath(pathname.slice(0, at));
  const name = pathname.slice(at + 1);
  if (!collection || !name) return undefined;
  return { ...collection, name };
}
