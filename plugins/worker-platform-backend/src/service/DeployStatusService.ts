import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  ClusterConnection,
  EntityDeployStatus,
  EntityScalingHistory,
} from '@worker-platform/plugin-worker-platform-common';
import { WatchedCluster } from '../clusters/types';
import { samplePools } from '../history/samplePools';
import {
  ScalingHistory,
  ScalingHistoryOptions,
} from '../history/ScalingHistory';
import { StatusSignalPublisher } from '../push/StatusSignalPublisher';
import {
  QueueDepthPoller,
  QueueDepthSettings,
} from '../queueDepth/QueueDepthPoller';
import { assembleEntityStatus } from '../status/assembleEntityStatus';
import { StatusStore } from '../summaries/StatusStore';
import { BackoffOptions } from '../watch/backoff';
import { ClusterWatcher } from '../watch/ClusterWatcher';

/** Options of {@link DeployStatusService}. */
export interface DeployStatusServiceOptions {
  clusters: WatchedCluster[];
  signals: SignalsService;
  logger: LoggerService;
  queueDepth: QueueDepthSettings;
  backoff?: BackoffOptions;
  signalDebounceMs?: number;
  /** Bounds of the scaling history kept per pool and entity. */
  history?: ScalingHistoryOptions;
}

/** Answers the status of one entity; what the router needs. */
export interface EntityStatusProvider {
  getStatus(entityRef: string, kubernetesId: string): EntityDeployStatus;
}

/** Answers the scaling history of one entity; what the history route needs. */
export interface EntityHistoryProvider {
  getHistory(
    entityRef: string,
    kubernetesId: string,
    minutes: number,
  ): EntityScalingHistory;
}

/**
 * The watch cache as a whole: a watcher per cluster feeding one store, queue
 * depths polled for viewed entities, and a Signals push when an entity's
 * summary changes. Status answers come from memory only.
 */
export class DeployStatusService
  implements EntityStatusProvider, EntityHistoryProvider
{
  private readonly store = new StatusStore();
  private readonly history: ScalingHistory;
  private readonly watchers: ClusterWatcher[];
  private readonly poller: QueueDepthPoller;
  private readonly publisher: StatusSignalPublisher;

  constructor(options: DeployStatusServiceOptions) {
    this.history = new ScalingHistory(options.history);
    this.publisher = new StatusSignalPublisher({
      signals: options.signals,
      logger: options.logger,
      debounceMs: options.signalDebounceMs,
    });
    this.watchers = options.clusters.map(
      cluster =>
        new ClusterWatcher({
          cluster,
          store: this.store,
          logger: options.logger,
          backoff: options.backoff,
          onConnectionChange: () => this.publisher.notifyAll(),
        }),
    );
    const clients = new Map(
      options.clusters.map((cluster, i) => [
        cluster.name,
        this.watchers[i].client,
      ]),
    );
    this.poller = new QueueDepthPoller({
      store: this.store,
      clientFor: cluster => clients.get(cluster),
      settings: options.queueDepth,
      logger: options.logger,
      onChange: ids => {
        this.recordHistory(ids);
        this.publisher.notify(ids);
      },
    });
    // Recorded before the signal goes out, so a page refetching on it sees the point.
    this.store.onChange(ids => {
      this.recordHistory(ids);
      this.publisher.notify(ids);
    });
  }

  /** Number of object summaries held, for diagnostics and the benchmark. */
  get summaryCount(): number {
    return this.store.size;
  }

  /** The connection state of every cluster. */
  get clusters(): ClusterConnection[] {
    return this.watchers.map(watcher => watcher.connection);
  }

  /** Starts watching every cluster and polling queue depths, in the background. */
  start(): void {
    this.watchers.forEach(watcher => watcher.start());
    this.poller.start();
  }

  /** Stops every watch, poll and pending signal. */
  async stop(): Promise<void> {
    await Promise.all([
      ...this.watchers.map(watcher => watcher.stop()),
      this.poller.stop(),
      this.publisher.stop(),
    ]);
  }

  /** The status of an entity from memory; also marks it as viewed (for depths and signals). */
  getStatus(entityRef: string, kubernetesId: string): EntityDeployStatus {
    this.publisher.registerViewer(entityRef, kubernetesId);
    this.poller.noteInterest(kubernetesId);
    return assembleEntityStatus({
      entityRef,
      summaries: this.store.forKubernetesId(kubernetesId),
      clusters: this.clusters,
      queueDepth: this.poller.depth,
      now: new Date(),
    });
  }

  /**
   * The last `minutes` of an entity's pools from memory; like
   * {@link DeployStatusService.getStatus} it marks the entity as viewed, so
   * its queue depths keep being polled (and recorded) while a chart is open.
   */
  getHistory(
    entityRef: string,
    kubernetesId: string,
    minutes: number,
  ): EntityScalingHistory {
    this.publisher.registerViewer(entityRef, kubernetesId);
    this.poller.noteInterest(kubernetesId);
    const now = Date.now();
    return {
      entityRef,
      generatedAt: new Date(now).toISOString(),
      minutes,
      environments: this.history.read(kubernetesId, now - minutes * 60_000),
    };
  }

  private recordHistory(kubernetesIds: ReadonlySet<string>): void {
    const now = Date.now();
    for (const id of kubernetesIds) {
      this.history.record(
        id,
        samplePools(this.store.forKubernetesId(id), this.poller.depth),
        now,
      );
    }
  }
}
