import {
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { WatchedResource } from '../watch/resources';

/**
 * The patch formats operations send.
 *
 * @public
 */
export type ObjectPatchType = 'merge' | 'json' | 'apply';

const CONTENT_TYPES: Record<ObjectPatchType, string> = {
  merge: PatchStrategy.MergePatch,
  json: PatchStrategy.JsonPatch,
  apply: PatchStrategy.ServerSideApply,
};

/** The field manager our changes are recorded under (`managedFields`). */
export const FIELD_MANAGER = 'backstage-worker-platform';

/**
 * A request the cluster answered with an error status, carrying the
 * cluster's own `Status.message` (never the URL or the token).
 */
export class ClusterRequestError extends Error {
  constructor(readonly status: number | undefined, message: string) {
    super(message);
    this.name = 'ClusterRequestError';
  }
}

/**
 * One patch of one object.
 *
 * @public
 */
export interface ObjectPatch {
  resource: WatchedResource;
  namespace: string;
  name: string;
  type: ObjectPatchType;
  body: unknown;
  /** Ask the API server to validate the change without storing it. */
  dryRun: boolean;
}

/**
 * Reads and patches single objects; what operations need of a cluster.
 *
 * @public
 */
export interface ClusterObjectClient {
  get(
    resource: WatchedResource,
    namespace: string,
    name: string,
  ): Promise<RawKubernetesObject | undefined>;
  patch(patch: ObjectPatch): Promise<RawKubernetesObject>;
}

/**
 * {@link ClusterObjectClient} through `@kubernetes/client-node`, with the
 * cluster's own service-account credentials from its KubeConfig.
 */
export class KubernetesObjectClient implements ClusterObjectClient {
  private readonly objects: CustomObjectsApi;

  constructor(kubeConfig: KubeConfig) {
    this.objects = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  async get(
    resource: WatchedResource,
    namespace: string,
    name: string,
  ): Promise<RawKubernetesObject | undefined> {
    try {
      return await this.objects.getNamespacedCustomObject({
        group: resource.group,
        version: resource.version,
        plural: resource.plural,
        namespace,
        name,
      });
    } catch (error) {
      const refused = toClusterRequestError(error);
      if (refused.status === 404) return undefined;
      throw refused;
    }
  }

  async patch(patch: ObjectPatch): Promise<RawKubernetesObject> {
    try {
      return await this.objects.patchNamespacedCustomObject(
        {
          group: patch.resource.group,
          version: patch.resource.version,
          plural: patch.resource.plural,
          namespace: patch.namespace,
          name: patch.name,
          body: patch.body,
          dryRun: patch.dryRun ? 'All' : undefined,
          fieldManager: FIELD_MANAGER,
          force: patch.type === 'apply' ? true : undefined,
        },
        setHeaderOptions('Content-Type', CONTENT_TYPES[patch.type]),
      );
    } catch (error) {
      throw toClusterRequestError(error);
    }
  }
}

/** The status and `Status.message` of a failed request, or a network error's code. */
export function toClusterRequestError(error: unknown): ClusterRequestError {
  const err = error as {
    code?: unknown;
    body?: unknown;
    cause?: { code?: unknown };
  };
  if (typeof err?.code === 'number') {
    let message: string | undefined;
    try {
      const body =
        typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
      message = typeof body?.message === 'string' ? body.message : undefined;
    } catch {
      // not a Status object
    }
    return new ClusterRequestError(
      err.code,
      message ?? `the API server answered HTTP ${err.code}`,
    );
  }
  const networkCode = err?.cause?.code ?? err?.code;
  return new ClusterRequestError(
    undefined,
    typeof networkCode === 'string' && /^[A-Z_]+$/.test(networkCode)
      ? `cannot reach the API server (${networkCode})`
      : 'the request to the API server failed',
  );
}
