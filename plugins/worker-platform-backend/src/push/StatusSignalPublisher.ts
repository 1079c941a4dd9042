import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  StatusChangedSignal,
  statusSignalChannel,
} from '@worker-platform/plugin-worker-platform-common';

/** Options of {@link StatusSignalPublisher}. */
export interface StatusSignalPublisherOptions {
  signals: SignalsService;
  logger: LoggerService;
  /** Changes within this window go out as one signal per entity; 250 ms by default. */
  debounceMs?: number;
  /** How many viewed entities to remember, least recently viewed dropped first. */
  maxEntities?: number;
}

/**
 * Tells open pages that an entity's status changed, over Backstage Signals on
 * `worker-platform:status:<entityRef>`. Entities are known by their page
 * views (a page fetches the status before it subscribes), so the cache maps
 * a changed kubernetes-id to the entity refs viewed with it. Bursts of
 * changes are batched: one signal per entity per debounce window.
 */
export class StatusSignalPublisher {
  private readonly options: StatusSignalPublisherOptions;
  private readonly debounceMs: number;
  private readonly maxEntities: number;
  /** entityRef → kubernetes-id, in least-recently-viewed order. */
  private readonly viewed = new Map<string, string>();
  private readonly entityRefsById = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(options: StatusSignalPublisherOptions) {
    this.options = options;
    this.debounceMs = options.debounceMs ?? 250;
    this.maxEntities = options.maxEntities ?? 10_000;
  }

  /** Remembers that a page showed this entity. */
  registerViewer(entityRef: string, kubernetesId: string): void {
    this.forget(entityRef);
    this.viewed.set(entityRef, kubernetesId);
    let entityRefs = this.entityRefsById.get(kubernetesId);
    if (!entityRefs) {
      entityRefs = new Set();
      this.entityRefsById.set(kubernetesId, entityRefs);
    }
    entityRefs.add(entityRef);
    if (this.viewed.size > this.maxEntities) {
      this.forget(this.viewed.keys().next().value!);
    }
  }

  /** Schedules a signal for every viewed entity of these kubernetes-ids. */
  notify(kubernetesIds: ReadonlySet<string>): void {
    for (const kubernetesId of kubernetesIds) {
      this.entityRefsById
        .get(kubernetesId)
        ?.forEach(entityRef => this.pending.add(entityRef));
    }
    this.schedule();
  }

  /** Schedules a signal for every viewed entity (a cluster connected or dropped). */
  notifyAll(): void {
    this.viewed.forEach((_, entityRef) => this.pending.add(entityRef));
    this.schedule();
  }

  /** Sends what is pending now and stops. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private forget(entityRef: string): void {
    const kubernetesId = this.viewed.get(entityRef);
    if (kubernetesId === undefined) return;
    this.viewed.delete(entityRef);
    const entityRefs = this.entityRefsById.get(kubernetesId);
    entityRefs?.delete(entityRef);
    if (entityRefs?.size === 0) this.entityRefsById.delete(kubernetesId);
  }

  private schedule(): void {
    if (this.pending.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {});
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    const entityRefs = [...this.pending];
    this.pending.clear();
    await Promise.all(
      entityRefs.map(async entityRef => {
        try {
          await this.options.signals.publish<StatusChangedSignal>({
            // The message names the entity only; data still goes through the
            // route, which checks the reader's catalog access.
            recipients: { type: 'broadcast' },
            channel: statusSignalChannel(entityRef),
            message: { entityRef },
          });
        } catch (error) {
          this.options.logger.warn(
            `Could not signal a status change of ${entityRef}: ${error}`,
          );
        }
      }),
    );
  }
}
