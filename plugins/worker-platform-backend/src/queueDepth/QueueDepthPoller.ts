import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { StatusStore } from '../summaries/StatusStore';
import { ScaledObjectSummary } from '../summaries/types';
import { KubernetesClusterClient } from '../watch/KubernetesClusterClient';
import { QueueDepthLookup } from '../status/assembleEntityStatus';
import pLimit, { type Limit } from 'p-limit';

/**
 * How queue depths are refreshed.
 *
 * @public
 */
export interface QueueDepthSettings {
  /** How often depths of viewed entities are fetched again (on each replica). */
  refreshIntervalMs: number;
  /** Metric requests in flight per cluster, at most. */
  concurrency: number;
  /** How long after its last page view an entity's depths keep being fetched. */
  interestWindowMs: number;
}

/** Defaults of {@link QueueDepthSettings}. */
export const DEFAULT_QUEUE_DEPTH_SETTINGS: QueueDepthSettings = {
  refreshIntervalMs: 10_000,
  concurrency: 4,
  interestWindowMs: 15 * 60_000,
};

/** The scheduler task id of the queue-depth refresh rounds. */
export const QUEUE_DEPTH_REFRESH_TASK = 'worker-platform-queue-depth-refresh';

/** Options of {@link QueueDepthPoller}. */
export interface QueueDepthPollerOptions {
  store: StatusStore;
  /** The client of a cluster, if it is watched. */
  clientFor(cluster: string): KubernetesClusterClient | undefined;
  settings: QueueDepthSettings;
  /** Runs the refresh rounds (`coreServices.scheduler`). */
  scheduler: SchedulerService;
  logger: LoggerService;
  /** Called with the kubernetes-ids whose depths changed. */
  onChange(kubernetesIds: ReadonlySet<string>): void;
}

interface CachedDepth {
  value: number | null;
  fetchedAt: number;
}

/**
 * Queue lengths from KEDA's external metrics API, which answers even at zero
 * replicas where the HPA reports nothing. Fetched in the background for
 * entities someone viewed recently — a page view itself never calls a
 * cluster — with bounded concurrency per cluster; values older than three
 * refresh intervals read as unknown.
 */
export class QueueDepthPoller {
  private readonly options: QueueDepthPollerOptions;
  private readonly interest = new Map<string, number>();
  /** Entities whose ScaledObjects were found by a refresh. */
  private readonly fetched = new Set<string>();
  private readonly depths = new Map<string, CachedDepth>();
  private readonly limiters = new Map<string, Limit>();
  private readonly abort = new AbortController();
  private round?: Promise<void>;
  private stopped = false;

  constructor(options: QueueDepthPollerOptions) {
    this.options = options;
  }

  /**
   * Marks an entity as viewed. Views fetch its depths at once until one
   * fetch found its ScaledObjects (a view may come before the watch synced);
   * after that only the interval does.
   */
  noteInterest(kubernetesId: string): void {
    const known = this.isInteresting(kubernetesId, Date.now());
    this.interest.set(kubernetesId, Date.now());
    if (!known || !this.fetched.has(kubernetesId)) {
      this.refresh([kubernetesId]).catch(() => {});
    }
  }

  /** The cached queue length of a trigger, or null when unknown or too old. */
  readonly depth: QueueDepthLookup = query => {
    const cached = this.depths.get(depthKey(query));
    const maxAge = 3 * this.options.settings.refreshIntervalMs;
    return cached && Date.now() - cached.fetchedAt <= maxAge
      ? cached.value
      : null;
  };

  /**
   * Schedules the refresh rounds. Local scope: every replica runs its own,
   * because the depths it serves are in its memory and the entities it
   * polls are those viewed through it (a global task would leave the other
   * replicas' depths to age out); see ARCHITECTURE.md, "Several replicas".
   */
  async start(): Promise<void> {
    const intervalMs = this.options.settings.refreshIntervalMs;
    await this.options.scheduler.scheduleTask({
      id: QUEUE_DEPTH_REFRESH_TASK,
      scope: 'local',
      frequency: { milliseconds: intervalMs },
      // A round waits on the per-cluster limiters; one slower than this is stuck.
      timeout: { milliseconds: Math.max(3 * intervalMs, 30_000) },
      signal: this.abort.signal,
      fn: () => this.refreshAll(),
    });
  }

  /** Stops refreshing and waits for a round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.round;
  }

  /** One round over every entity viewed within the interest window. */
  async refreshAll(): Promise<void> {
    if (this.round) return;
    const now = Date.now();
    for (const [id] of this.interest) {
      if (!this.isInteresting(id, now)) {
        this.interest.delete(id);
        this.fetched.delete(id);
      }
    }
    const maxAge = 3 * this.options.settings.refreshIntervalMs;
    for (const [key, cached] of this.depths) {
      if (now - cached.fetchedAt > maxAge) this.depths.delete(key);
    }
    this.round = this.refresh([...this.interest.keys()]);
    try {
      await this.round;
    } finally {
      this.round = undefined;
    }
  }

  private isInteresting(kubernetesId: string, now: number): boolean {
    const seen = this.interest.get(kubernetesId);
    return (
      seen !== undefined && now - seen <= this.options.settings.interestWindowMs
    );
  }

  private async refresh(kubernetesIds: string[]): Promise<void> {
    const changed = new Set<string>();
    const fetches = kubernetesIds.flatMap(id => {
      const scaledObjects = this.options.store
        .forKubernetesId(id)
        .filter((s): s is ScaledObjectSummary => s.kind === 'ScaledObject');
      if (scaledObjects.length > 0) this.fetched.add(id);
      return scaledObjects.flatMap(scaledObject =>
        scaledObject.triggers.flatMap(trigger =>
          trigger.metric
            ? [this.fetch(scaledObject, trigger.metric, () => changed.add(id))]
            : [],
        ),
      );
    });
    await Promise.all(fetches);
    if (changed.size > 0) this.options.onChange(changed);
  }

  private async fetch(
    scaledObject: ScaledObjectSummary,
    metric: string,
    markChanged: () => void,
  ): Promise<void> {
    const client = this.options.clientFor(scaledObject.cluster);
    if (!client) return;
    const query = {
      cluster: scaledObject.cluster,
      namespace: scaledObject.namespace,
      scaledObject: scaledObject.name,
      metric,
    };
    try {
      const value = await this.limiterFor(scaledObject.cluster)(() =>
        // Fetches still queued when the poller stops are skipped.
        this.stopped
          ? Promise.resolve(undefined)
          : client.externalMetric(query),
      );
      if (value === undefined) return;
      const key = depthKey(query);
      if (this.depths.get(key)?.value !== value) markChanged();
      this.depths.set(key, { value, fetchedAt: Date.now() });
    } catch (error) {
      // A failed fetch keeps the last value until it ages out.
      this.options.logger.debug(
        `Queue depth of ${query.namespace}/${query.scaledObject} ${metric} in ${
          query.cluster
        } unavailable: ${String(error)}`,
      );
    }
  }

  private limiterFor(cluster: string): Limit {
    let limiter = this.limiters.get(cluster);
    if (!limiter) {
      limiter = pLimit(this.options.settings.concurrency);
      this.limiters.set(cluster, limiter);
    }
    return limiter;
  }
}

function depthKey(query: {
  cluster: string;
  namespace: string;
  scaledObject: string;
  metric: string;
}) {
  return `${query.cluster}/${query.namespace}/${query.scaledObject}/${query.metric}`;
}
