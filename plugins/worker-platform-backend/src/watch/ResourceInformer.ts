import { LoggerService } from '@backstage/backend-plugin-api';
import { BackoffOptions, DEFAULT_BACKOFF, reconnectDelay } from './backoff';
import { describeError } from './describeError';
import {
  KubernetesClusterClient,
  RawKubernetesObject,
} from './KubernetesClusterClient';
import { WatchedResource, resourceName } from './resources';

/** Whether an informer's watch is live, as reported to its owner. */
export interface InformerState {
  connected: boolean;
  /** The last list or watch event (bookmarks included); null before the first. */
  lastEventAt: Date | null;
  /** Why the watch is down; safe to show to users. */
  error?: string;
}

/** Where an informer delivers what it sees. */
export interface InformerHandlers {
  /** A full list begins; objects not upserted before `endSync` are gone. */
  beginSync(): void;
  upsert(object: RawKubernetesObject): void;
  delete(object: RawKubernetesObject): void;
  /** The full list is complete. */
  endSync(): void;
  stateChanged(state: InformerState): void;
}

/** Options of {@link ResourceInformer}. */
export interface ResourceInformerOptions {
  client: KubernetesClusterClient;
  resource: WatchedResource;
  labelSelector: string;
  handlers: InformerHandlers;
  logger: LoggerService;
  backoff?: BackoffOptions;
}

class WatchError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/**
 * Keeps one resource of one cluster mirrored through list + watch: lists in
 * pages, watches from the list's resourceVersion with bookmarks, resumes from
 * the last version it saw when a watch ends, lists again on `410 Gone`, and
 * retries failures with capped exponential backoff and jitter. It holds no
 * objects itself; handlers reduce them as they arrive.
 */
export class ResourceInformer {
  private readonly options: ResourceInformerOptions;
  private readonly backoff: BackoffOptions;
  private resourceVersion = '';
  private failures = 0;
  private running = false;
  private loop?: Promise<void>;
  private controller?: AbortController;
  private wake?: () => void;
  private state: InformerState = { connected: false, lastEventAt: null };

  constructor(options: ResourceInformerOptions) {
    this.options = options;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** The current connection state. */
  get currentState(): InformerState {
    return this.state;
  }

  /** Starts mirroring in the background; failures are reported as state, never thrown. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops and waits for the loop to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.controller?.abort();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.resourceVersion) {
          await this.relist();
        }
        if (!this.running) break;
        const expired = await this.watchOnce();
        if (expired) {
          this.resourceVersion = '';
        }
      } catch (error) {
        if (!this.running) break;
        if (isGone(error)) {
          this.resourceVersion = '';
          continue;
        }
        this.failures++;
        const message = describeError(error, this.options.resource);
        this.options.logger.warn(
          `Watch of ${resourceName(this.options.resource)} failed (${
            this.failures
          } in a row): ${message}`,
          { cause: String((error as Error)?.message ?? error) },
        );
        this.setState({ connected: false, error: message });
        await this.sleep(reconnectDelay(this.failures, this.backoff));
      }
    }
  }

  private async relist(): Promise<void> {
    const { client, resource, labelSelector, handlers } = this.options;
    let continueToken: string | undefined;
    let resourceVersion = '';
    handlers.beginSync();
    do {
      const page = await client.list(resource, {
        labelSelector,
        continueToken,
      });
      if (!this.running) return;
      page.items.forEach(object => handlers.upsert(object));
      continueToken = page.continueToken;
      resourceVersion = page.resourceVersion;
    } while (continueToken);
    handlers.endSync();
    this.resourceVersion = resourceVersion;
    this.failures = 0;
    this.setState({ connected: true, lastEventAt: new Date() });
  }

  /** Watches until the server ends the watch; true when the version expired. */
  private watchOnce(): Promise<boolean> {
    const { client, resource, labelSelector, handlers } = this.options;
    return new Promise<boolean>((resolve, reject) => {
      let finished = false;
      let expired = false;
      let sawEvent = false;
      const startedAt = Date.now();
      let streamError: WatchError | undefined;
      const onEvent = (type: string, object: RawKubernetesObject) => {
        if (type === 'ERROR') {
          const code = Number(object.code);
          if (code === 410) expired = true;
          else streamError = new WatchError(code, String(object.message));
          return;
        }
        sawEvent = true;
        if (type === 'ADDED' || type === 'MODIFIED') handlers.upsert(object);
        if (type === 'DELETED') handlers.delete(object);
        this.resourceVersion =
          object.metadata?.resourceVersion ?? this.resourceVersion;
        this.failures = 0;
        this.setState({ connected: true, lastEventAt: new Date() });
      };
      const onDone = (error: unknown) => {
        finished = true;
        this.controller = undefined;
        // The client's inactivity timeout just means a quiet resource: resume.
        if (error && !isInactivityTimeout(error)) reject(error);
        else if (streamError && !expired) reject(streamError);
        else if (!expired && !sawEvent && Date.now() - startedAt < 1000) {
          // A proxy that ends every watch at once would otherwise spin.
          reject(new Error('the watch ended as soon as it started'));
        } else resolve(expired);
      };
      client
        .watch(
          resource,
          { labelSelector, resourceVersion: this.resourceVersion },
          onEvent,
          onDone,
        )
        .then(controller => {
          if (finished) return;
          this.controller = controller;
          if (!this.running) controller.abort();
          else this.setState({ connected: true });
        }, reject);
    });
  }

  private setState(change: Partial<InformerState>): void {
    const next: InformerState = {
      connected: change.connected ?? this.state.connected,
      lastEventAt: change.lastEventAt ?? this.state.lastEventAt,
      error:
        change.connected === true
          ? undefined
          : change.error ?? this.state.error,
    };
    const visibleChange =
      next.connected !== this.state.connected ||
      next.error !== this.state.error;
    this.state = next;
    if (visibleChange) this.options.handlers.stateChanged(next);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function isGone(error: unknown): boolean {
  const err = error as { statusCode?: unknown; code?: unknown };
  return err?.statusCode === 410 || err?.code === 410;
}

function isInactivityTimeout(error: unknown): boolean {
  return (error as { name?: unknown })?.name === 'TimeoutError';
}
