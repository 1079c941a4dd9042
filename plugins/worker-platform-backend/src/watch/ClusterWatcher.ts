import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterConnection,
  KUBERNETES_ID_LABEL,
} from '@worker-platform/plugin-worker-platform-common';
import { WatchedCluster } from '@worker-platform/plugin-worker-platform-node';
import { StatusStore } from '../summaries/StatusStore';
import { WATCHED_KINDS, WatchedKind } from '../summaries/watchedKinds';
import { BackoffOptions } from './backoff';
import {
  KubernetesClusterClient,
  RawKubernetesObject,
} from './KubernetesClusterClient';
import { ResourceInformer } from './ResourceInformer';

/** Options of {@link ClusterWatcher}. */
export interface ClusterWatcherOptions {
  cluster: WatchedCluster;
  store: StatusStore;
  logger: LoggerService;
  /** Called when the cluster's `connected` or `error` changes. */
  onConnectionChange(): void;
  backoff?: BackoffOptions;
}

/**
 * Mirrors one cluster into the store: an informer per watched kind, all
 * selecting objects that carry a `backstage.io/kubernetes-id` label.
 */
export class ClusterWatcher {
  /** The cluster's client, shared with the queue depth poller. */
  readonly client: KubernetesClusterClient;
  private readonly name: string;
  private readonly informers: ResourceInformer[];

  constructor(options: ClusterWatcherOptions) {
    const { cluster, store } = options;
    this.name = cluster.name;
    this.client = new KubernetesClusterClient({
      kubeConfig: cluster.kubeConfig,
    });
    const logger = options.logger.child({ cluster: cluster.name });
    const remove = (kind: WatchedKind, object: RawKubernetesObject) =>
      store.delete(
        cluster.name,
        kind.kind,
        object.metadata?.namespace ?? '',
        object.metadata?.name ?? '',
      );
    this.informers = WATCHED_KINDS.map(
      kind =>
        new ResourceInformer({
          client: this.client,
          resource: kind.resource,
          // An existence selector: every object of any entity, nothing else.
          labelSelector: KUBERNETES_ID_LABEL,
          logger,
          backoff: options.backoff,
          handlers: {
            beginSync: () => store.beginSync(cluster.name, kind.kind),
            endSync: () => store.endSync(cluster.name, kind.kind),
            upsert: object => {
              const summary = kind.reduce(object, cluster.name);
              if (summary) store.upsert(summary);
              else remove(kind, object);
            },
            delete: object => remove(kind, object),
            stateChanged: () => options.onConnectionChange(),
          },
        }),
    );
  }

  /** Whether every watch of the cluster is live, and since when data is known. */
  get connection(): ClusterConnection {
    const states = this.informers.map(informer => informer.currentState);
    const eventTimes = states.flatMap(s =>
      s.lastEventAt ? [s.lastEventAt.getTime()] : [],
    );
    const lastEventAt = eventTimes.length
      ? new Date(Math.max(...eventTimes)).toISOString()
      : null;
    const error = states.find(s => s.error)?.error;
    return {
      name: this.name,
      connected: states.every(s => s.connected),
      lastEventAt,
      ...(error ? { error } : {}),
    };
  }

  /** Starts every informer in the background. */
  start(): void {
    this.informers.forEach(informer => informer.start());
  }

  /** Stops every informer. */
  async stop(): Promise<void> {
    await Promise.all(this.informers.map(informer => informer.stop()));
  }
}
