/**
 * An object to register, as the `argocd/` kustomization builds it.
 *
 * @public
 */
export interface RegistrationObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * Where and for whom objects are registered.
 *
 * @public
 */
export interface RegistrationTarget {
  /** The service (`metadata.name` of its spec); every name starts with it. */
  service: string;
  /** The cluster's name, for the report. */
  cluster: string;
  /** The ArgoCD namespace of that cluster; nothing is registered elsewhere. */
  namespace: string;
}

/**
 * What registration did, or would do, to one object.
 *
 * @public
 */
export type RegistrationOutcome =
  | 'created'
  | 'changed'
  | 'unchanged'
  | 'conflict'
  | 'refused'
  | 'failed';

/**
 * One line of a {@link RegistrationReport}.
 *
 * @public
 */
export interface RegistrationObjectReport {
  kind: string;
  namespace?: string;
  name: string;
  outcome: RegistrationOutcome;
  /** For `changed`: the fields that change, e.g. `spec.source.targetRevision`. */
  changedFields?: string[];
  /** Why it was refused, the conflict, or the cluster's error. */
  message?: string;
  /**
   * Keys of a shared object this registration never sends (the instance's
   * own keys of `argocd-notifications-cm`), left to the instance's
   * administrator.
   */
  leftOut?: string[];
}

/**
 * How a registration ended: `refused` and `conflict` send nothing for real
 * (a refusal sends nothing at all), `dry-run` only validated, `unchanged`
 * found nothing to do, `applied` changed the cluster, `failed` was stopped
 * by a cluster error.
 *
 * @public
 */
export type RegistrationResult =
  | 'applied'
  | 'unchanged'
  | 'dry-run'
  | 'refused'
  | 'conflict'
  | 'failed';

/**
 * The per-object report of one registration.
 *
 * @public
 */
export interface RegistrationReport {
  service: string;
  cluster: string;
  namespace: string;
  dryRun: boolean;
  result: RegistrationResult;
  objects: RegistrationObjectReport[];
}

/**
 * What the dry run or the apply of one object answered.
 *
 * @public
 */
export type ApplyAnswer =
  | { type: 'applied'; object: Record<string, unknown> }
  | { type: 'conflict'; message: string }
  | { type: 'failed'; message: string };

/**
 * What registration needs of a cluster: read an object, and server-side
 * apply one under the given field manager, never forced.
 *
 * @public
 */
export interface RegistrationClusterClient {
  get(object: RegistrationObject): Promise<Record<string, unknown> | undefined>;
  apply(
    object: RegistrationObject,
    options: {
      dryRun: boolean;
      /** See `registrationFieldManager`. */
      fieldManager: string;
    },
  ): Promise<ApplyAnswer>;
}

/**
 * The field manager registrations apply under; the shared
 * `argocd-notifications-cm` gets one per service (`registrationFieldManager`).
 *
 * @public
 */
export const REGISTRATION_FIELD_MANAGER = 'backstage-worker-platform';

/**
 * A cluster open for registration, as `GET /registrations/clusters` lists it
 * for the wizards' cluster picker.
 *
 * @public
 */
export interface RegistrationClusterSummary {
  /** The cluster's name in `kubernetes.clusterLocatorMethods`. */
  name: string;
  /** The namespace its ArgoCD watches, where registrations go. */
  namespace: string;
}
