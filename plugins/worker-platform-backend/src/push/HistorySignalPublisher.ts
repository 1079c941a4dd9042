import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  HistoryPointsSignal,
  PushedScalingPoint,
  statusSignalChannel,
} from '@worker-platform/plugin-worker-platform-common';
import { RecordedPoint } from '../history/ScalingHistory';

/** Options of {@link HistorySignalPublisher}. */
export interface HistorySignalPublisherOptions {
  signals: SignalsService;
  logger: LoggerService;
  /** Points within this window go out together; 250 ms by default. */
  debounceMs?: number;
  /**
   * How long a read of the history keeps its reader receiving points; 10
   * minutes by default. The page reads again well within it (every 5
   * minutes), which re-checks the permission: a reader who lost it stops
   * receiving points at most this long after.
   */
  readerTtlMs?: number;
  /** Readers (user × entity) remembered, the least recent dropped first; 10,000 by default. */
  maxReaders?: number;
  /** Points per message at most, so messages stay small; 20 by default. */
  maxPointsPerMessage?: number;
  /**
   * Points held per entity and environment between two sends, the oldest
   * dropped beyond it (the reader sees the gap and refetches); 200 by default.
   */
  maxPendingPoints?: number;
  now?: () => number;
}

interface Reader {
  entityRef: string;
  kubernetesId: string;
  userEntityRef: string;
  environments: ReadonlySet<string>;
  expiresAt: number;
}

interface Pending {
  entityRef: string;
  environment: string;
  users: Set<string>;
  points: PushedScalingPoint[];
}

/**
 * Pushes new scaling-history points over the status channel of Signals to
 * the users reading them, so an open chart appends them without a refetch.
 *
 * Signals has no access control on subscriptions: any signed-in user may
 * subscribe to any channel. So points are never broadcast: each message
 * names as recipients the users who, in their last read of the history
 * route, were allowed (`worker-platform.status.read`) the environment it
 * is about, and only while that read is recent.
 */
export class HistorySignalPublisher {
  private readonly debounceMs: number;
  private readonly readerTtlMs: number;
  private readonly maxReaders: number;
  private readonly maxPointsPerMessage: number;
  private readonly maxPendingPoints: number;
  private readonly now: () => number;
  /** `<entityRef>\0<user>` → reader, least recently read first. */
  private readonly readers = new Map<string, Reader>();
  private readonly readerKeysById = new Map<string, Set<string>>();
  /** `<entityRef>\0<environment>` → what to send. */
  private readonly pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: HistorySignalPublisherOptions) {
    this.debounceMs = options.debounceMs ?? 250;
    this.readerTtlMs = options.readerTtlMs ?? 10 * 60_000;
    this.maxReaders = options.maxReaders ?? 10_000;
    this.maxPointsPerMessage = options.maxPointsPerMessage ?? 20;
    this.maxPendingPoints = options.maxPendingPoints ?? 200;
    this.now = options.now ?? Date.now;
  }

  /**
   * Remembers that a user read an entity's history and which environments
   * they were allowed; replaces what an earlier read of theirs allowed.
   */
  registerReader(reader: {
    entityRef: string;
    kubernetesId: string;
    userEntityRef: string;
    environments: readonly string[];
  }): void {
    const key = `${reader.entityRef}\u0000${reader.userEntityRef}`;
    this.forget(key);
    if (reader.environments.length === 0) return;
    this.readers.set(key, {
      ...reader,
      environments: new Set(reader.environments),
      expiresAt: this.now() + this.readerTtlMs,
    });
    let keys = this.readerKeysById.get(reader.kubernetesId);
    if (!keys) {
      keys = new Set();
      this.readerKeysById.set(reader.kubernetesId, keys);
    }
    keys.add(key);
    if (this.readers.size > this.maxReaders) {
      this.forget(this.readers.keys().next().value!);
    }
  }

  /** Schedules the points just recorded for a kubernetes-id to its readers. */
  publish(kubernetesId: string, points: readonly RecordedPoint[]): void {
    const keys = this.readerKeysById.get(kubernetesId);
    if (!keys || points.length === 0) return;
    const now = this.now();
    const environments = new Set(points.map(p => p.environment));
    // `<entityRef>\0<environment>` → the users allowed to read it.
    const recipients = new Map<string, Set<string>>();
    for (const key of [...keys]) {
      const reader = this.readers.get(key)!;
      if (reader.expiresAt <= now) {
        this.forget(key);
        continue;
      }
      for (const environment of environments) {
        if (!reader.environments.has(environment)) continue;
        const target = `${reader.entityRef}\u0000${environment}`;
        recipients.set(
          target,
          (recipients.get(target) ?? new Set()).add(reader.userEntityRef),
        );
      }
    }
    for (const [target, users] of recipients) {
      const [entityRef, environment] = target.split('\u0000');
      let entry = this.pending.get(target);
      if (!entry) {
        entry = { entityRef, environment, users: new Set(), points: [] };
        this.pending.set(target, entry);
      }
      users.forEach(user => entry!.users.add(user));
      entry.points.push(
        ...points.filter(p => p.environment === environment).map(toPushed),
      );
      entry.points.splice(0, entry.points.length - this.maxPendingPoints);
    }
    this.schedule();
  }

  /** Sends what is pending now and stops. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private forget(key: string): void {
    const reader = this.readers.get(key);
    if (!reader) return;
    this.readers.delete(key);
    const keys = this.readerKeysById.get(reader.kubernetesId);
    keys?.delete(key);
    if (keys?.size === 0) this.readerKeysById.delete(reader.kubernetesId);
  }

  private schedule(): void {
    if (this.pending.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {});
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    const entries = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(entries.map(entry => this.send(entry)));
  }

  // One entity and environment's messages in order, each at most
  // maxPointsPerMessage points.
  private async send(entry: Pending): Promise<void> {
    for (let i = 0; i < entry.points.length; i += this.maxPointsPerMessage) {
      try {
        await this.options.signals.publish<HistoryPointsSignal>({
          recipients: { type: 'user', entityRef: [...entry.users] },
          channel: statusSignalChannel(entry.entityRef),
          message: {
            type: 'history-points',
            entityRef: entry.entityRef,
            environment: entry.environment,
            points: entry.points.slice(i, i + this.maxPointsPerMessage),
          },
        });
      } catch (error) {
        // The next point will not chain to the reader's last: it refetches.
        this.options.logger.warn(
          `Could not push scaling points of ${entry.entityRef} in ${entry.environment}: ${error}`,
        );
        return;
      }
    }
  }
}

function toPushed(recorded: RecordedPoint): PushedScalingPoint {
  return {
    pool: recorded.pool,
    previousAt:
      recorded.previousAt === null
        ? null
        : new Date(recorded.previousAt).toISOString(),
    at: new Date(recorded.point.at).toISOString(),
    desired: recorded.point.desired,
    ready: recorded.point.ready,
    depths: recorded.point.depths,
  };
}
