/**
 * A collection the watch cache lists and watches.
 *
 * @public
 */
export interface WatchedResource {
  /** The API group; empty for the core group. */
  group: string;
  version: string;
  plural: string;
}

/** ArgoCD Applications. */
export const APPLICATIONS: WatchedResource = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
};

/** KEDA ScaledObjects. */
export const SCALED_OBJECTS: WatchedResource = {
  group: 'keda.sh',
  version: 'v1alpha1',
  plural: 'scaledobjects',
};

/** Deployments. */
export const DEPLOYMENTS: WatchedResource = {
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
};

/** HorizontalPodAutoscalers (the API's own and those KEDA creates). */
export const HORIZONTAL_POD_AUTOSCALERS: WatchedResource = {
  group: 'autoscaling',
  version: 'v2',
  plural: 'horizontalpodautoscalers',
};

/** `applications.argoproj.io`, the name users know a resource by. */
export function resourceName(resource: WatchedResource): string {
  return resource.group
    ? `${resource.plural}.${resource.group}`
    : resource.plural;
}

/** The cluster-wide collection path, e.g. `/apis/apps/v1/deployments`. */
export function collectionPath(resource: WatchedResource): string {
  return resource.group
    ? `/apis/${resource.group}/${resource.version}/${resource.plural}`
    : `/api/${resource.version}/${resource.plural}`;
}
