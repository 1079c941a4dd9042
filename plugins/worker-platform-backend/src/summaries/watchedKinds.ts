import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import {
  APPLICATIONS,
  DEPLOYMENTS,
  HORIZONTAL_POD_AUTOSCALERS,
  SCALED_OBJECTS,
  WatchedResource,
} from '../watch/resources';
import { reduceApplication } from './reduceApplication';
import { reduceScaledObject } from './reduceScaledObject';
import {
  reduceDeployment,
  reduceHorizontalPodAutoscaler,
} from './reduceWorkload';
import { ResourceSummary } from './types';

/** A kind the watch cache mirrors, and how it reduces that kind's objects. */
export interface WatchedKind {
  resource: WatchedResource;
  kind: ResourceSummary['kind'];
  reduce(
    object: RawKubernetesObject,
    cluster: string,
  ): ResourceSummary | undefined;
}

/** The four kinds the status page is built from. */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  { resource: APPLICATIONS, kind: 'Application', reduce: reduceApplication },
  {
    resource: SCALED_OBJECTS,
    kind: 'ScaledObject',
    reduce: reduceScaledObject,
  },
  { resource: DEPLOYMENTS, kind: 'Deployment', reduce: reduceDeployment },
  {
    resource: HORIZONTAL_POD_AUTOSCALERS,
    kind: 'HorizontalPodAutoscaler',
    reduce: reduceHorizontalPodAutoscaler,
  },
];

/** The watched kind of a raw object, by its `kind` field. */
export function watchedKindOf(
  object: RawKubernetesObject,
): WatchedKind | undefined {
  return WATCHED_KINDS.find(watched => watched.kind === object.kind);
}
