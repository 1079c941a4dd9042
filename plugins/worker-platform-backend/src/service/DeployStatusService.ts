import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  ClusterConnection,
  EntityDeployStatus,
  EntityScalingHistory,
} from '@worker-platform/plugin-worker-platform-common';
import { WatchedCluster } from '@worker-platform/plugin-worker-platform-node';
import { samplePools } from '../history/samplePools';
import {
  ScalingHistory,
  ScalingHistoryOptions,
} from '../history/ScalingHistory';
import { HistorySignalPublisher } from '../push/HistorySignalPublisher';
import { StatusSignalPublisher } from '../push/StatusSignalPublisher';
import {
  QueueDepthPoller,
  QueueDepthSettings,
} from '../queueDepth/QueueDepthPoller';
import {
  assembleEntityStatus,
  compareEnvironments,
} from '../status/assembleEntityStatus';
import { StatusStore } from '../summaries/StatusStore';
import { BackoffOptions } from '../watch/backoff';
import { ClusterWatcher } from '../watch/ClusterWatcher';

/**
 * Options of {@link DeployStatusService}.
 *
 * @public
 */
export interface DeployStatusServiceOptions {
  clusters: WatchedCluster[];
  signals: SignalsService;
  logger: LoggerService;
  queueDepth: QueueDepthSettings;
  /** Runs the queue-depth refresh rounds (`coreServices.scheduler`). */
  scheduler: SchedulerService;
  backoff?: BackoffOptions;
  signalDebounceMs?: number;
  /** Bounds of the scaling history kept per pool and entity. */
  history?: ScalingHistoryOptions;
}

/**
 * How an answer lists environments.
 *
 * @public
 */
export interface EnvironmentOrderOptions {
  /** The spec's environment names in spec order; see `compareEnvironments`. */
  environmentOrder?: readonly string[];
}

/**
 * Answers the status of one entity; what the router needs.
 *
 * @public
 */
export interface EntityStatusProvider {
  getStatus(
    entityRef: string,
    kubernetesId: string,
    options?: EnvironmentOrderOptions,
  ): EntityDeployStatus;
}

/**
 * Answers the scaling history of one entity; what the history route needs.
 *
 * @public
 */
export interface EntityHistoryProvider {
  getHistory(
    entityRef: string,
    kubernetesId: string,
    minutes: number,
    options?: EnvironmentOrderOptions,
  ): EntityScalingHistory;
  /**
   * Pushes the entity's new points in these environments to this user over
   * Signals for a while (until a later read replaces it, or it expires).
   */
  followHistory(reader: {
    entityRef: string;
    kubernetesId: string;
    userEntityRef: string;
    environments: readonly string[];
  }): void;
}

/**
 * The watch cache as a whole: a watcher per cluster feeding one store, queue
 * depths polled for viewed entities, and a Signals push when an entity's
 * summary changes. Status answers come from memory only.
 *
 * @public
 */
export class DeployStatusService
  implements EntityStatusProvider, EntityHistoryProvider
{
  private readonly store = new StatusStore();
  private readonly history: ScalingHistory;
  private readonly watchers: ClusterWatcher[];
  private readonly poller: QueueDepthPoller;
  private readonly publisher: StatusSignalPublisher;
  private readonly historyPublisher: HistorySignalPublisher;

  constructor(options: DeployStatusServiceOptions) {
    this.history = new ScalingHistory(options.history);
    this.publisher = new StatusSignalPublisher({
      signals: options.signals,
      logger: options.logger,
      debounceMs: options.signalDebounceMs,
    });
    this.historyPublisher = new HistorySignalPublisher({
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
      scheduler: options.scheduler,
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

  /** Starts watching every cluster and schedules the queue-depth polling. */
  async start(): Promise<void> {
    this.watchers.forEach(watcher => watcher.start());
    await this.poller.start();
  }

  /** Stops every watch, poll and pending signal. */
  async stop(): Promise<void> {
    await Promise.all([
      ...this.watchers.map(watcher => watcher.stop()),
      this.poller.stop(),
      this.publisher.stop(),
      this.historyPublisher.stop(),
    ]);
  }

  /** The status of an entity from memory; also marks it as viewed (for depths and signals). */
  getStatus(
    entityRef: string,
    kubernetesId: string,
    options: EnvironmentOrderOptions = {},
  ): EntityDeployStatus {
    this.publisher.registerViewer(entityRef, kubernetesId);
    this.poller.noteInterest(kubernetesId);
    return assembleEntityStatus({
      entityRef,
      summaries: this.store.forKubernetesId(kubernetesId),
      clusters: this.clusters,
      queueDepth: this.poller.depth,
      now: new Date(),
      environmentOrder: options.environmentOrder,
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
    options: EnvironmentOrderOptions = {},
  ): EntityScalingHistory {
    this.publisher.registerViewer(entityRef, kubernetesId);
    this.poller.noteInterest(kubernetesId);
    const now = Date.now();
    const compare = compareEnvironments(options.environmentOrder);
    return {
      entityRef,
      generatedAt: new Date(now).toISOString(),
      minutes,
      environments: this.history
        .read(kubernetesId, now - minutes * 60_000)
        .sort((a, b) => compare(a.name, b.name)),
    };
  }

  followHistory(reader: {
    entityRef: string;
    kubernetesId: string;
    userEntityRef: string;
    environments: readonly string[];
  }): void {
    this.historyPublisher.registerReader(reader);
  }

  private recordHistory(kubernetesIds: ReadonlySet<string>): void {
    const now = Date.now();
    for (const id of kubernetesIds) {
      const points = this.history.record(
        id,
        samplePools(this.store.forKubernetesId(id), this.poller.depth),
        now,
      );
      this.historyPublisher.publish(id, points);
    }
  }
}
