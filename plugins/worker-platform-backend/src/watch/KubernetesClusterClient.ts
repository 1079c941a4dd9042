import {
  CustomObjectsApi,
  KubeConfig,
  Observable,
  RequestContext,
  ResponseContext,
  Watch,
} from '@kubernetes/client-node';
import { parseQuantity } from './parseQuantity';
import { WatchedResource, collectionPath } from './resources';

/**
 * A raw object as the API server sends it; only metadata is relied on.
 *
 * @public
 */
export interface RawKubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
  };
  [key: string]: unknown;
}

/** One page of a list. */
export interface ListPage {
  items: RawKubernetesObject[];
  resourceVersion: string;
  continueToken?: string;
}

/** A watch event: `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK` or `ERROR`. */
export type WatchEventHandler = (
  type: string,
  object: RawKubernetesObject,
) => void;

/** Options of {@link KubernetesClusterClient}. */
export interface KubernetesClusterClientOptions {
  kubeConfig: KubeConfig;
  /** How long a list or metric request may take; 30 s by default. */
  requestTimeoutMs?: number;
}

const PAGE_SIZE = 500;

/**
 * The three calls the status backend makes to one cluster, through
 * `@kubernetes/client-node`: paged lists, watches, and KEDA's external
 * metrics. Authentication and TLS come from the cluster's KubeConfig.
 */
export class KubernetesClusterClient {
  private readonly objects: CustomObjectsApi;
  private readonly watcher: Watch;
  private readonly requestTimeoutMs: number;

  constructor(options: KubernetesClusterClientOptions) {
    this.objects = options.kubeConfig.makeApiClient(CustomObjectsApi);
    this.watcher = new Watch(options.kubeConfig);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /** Lists one page of a resource across all namespaces. */
  async list(
    resource: WatchedResource,
    query: { labelSelector: string; continueToken?: string },
  ): Promise<ListPage> {
    const list = await this.objects.listClusterCustomObject(
      {
        group: resource.group,
        version: resource.version,
        plural: resource.plural,
        labelSelector: query.labelSelector,
        limit: PAGE_SIZE,
        _continue: query.continueToken,
      },
      this.withTimeout(),
    );
    return {
      items: list.items ?? [],
      resourceVersion: list.metadata?.resourceVersion ?? '',
      continueToken: list.metadata?.continue || undefined,
    };
  }

  /**
   * Watches a resource from a resourceVersion with bookmarks. `onDone` is
   * called exactly once, with the error if the watch failed or null when the
   * server closed it. Resolves once the server answered.
   */
  async watch(
    resource: WatchedResource,
    query: { labelSelector: string; resourceVersion: string },
    onEvent: WatchEventHandler,
    onDone: (error: unknown) => void,
  ): Promise<AbortController> {
    return this.watcher.watch(
      collectionPath(resource),
      {
        labelSelector: query.labelSelector,
        resourceVersion: query.resourceVersion,
        allowWatchBookmarks: true,
        // Servers end a watch after this; we resume from the last version.
        timeoutSeconds: 240 + Math.floor(Math.random() * 120),
      },
      onEvent,
      onDone,
    );
  }

  /**
   * The current value of one of a ScaledObject's external metrics (a queue
   * length), from KEDA's metrics adapter; null when it reports none.
   */
  async externalMetric(query: {
    namespace: string;
    metric: string;
    scaledObject: string;
  }): Promise<number | null> {
    const list = await this.objects.listNamespacedCustomObject(
      {
        group: 'external.metrics.k8s.io',
        version: 'v1beta1',
        namespace: query.namespace,
        plural: query.metric,
        labelSelector: `scaledobject.keda.sh/name=${query.scaledObject}`,
      },
      this.withTimeout(),
    );
    const value = list.items?.[0]?.value;
    return typeof value === 'string' ? parseQuantity(value) : null;
  }

  /**
   * Per-request options that abort the request itself once it has run for
   * `requestTimeoutMs` (it rejects with a `TimeoutError`), rather than only
   * stop waiting for it while it keeps a socket busy.
   */
  private withTimeout() {
    const timeoutMs = this.requestTimeoutMs;
    return {
      middleware: [
        {
          pre: (context: RequestContext) => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return new Observable(Promise.resolve(context));
          },
          post: (context: ResponseContext) =>
            new Observable(Promise.resolve(context)),
        },
      ],
      middlewareMergeStrategy: 'append' as const,
    };
  }
}
