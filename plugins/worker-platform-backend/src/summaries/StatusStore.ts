import { ResourceSummary } from './types';

/** Called with the kubernetes-ids whose summaries changed. */
export type StoreChangeListener = (kubernetesIds: ReadonlySet<string>) => void;

type SummaryKind = ResourceSummary['kind'];

function keyOf(
  cluster: string,
  kind: SummaryKind,
  namespace: string,
  name: string,
): string {
  return `${cluster}\u0000${kind}\u0000${namespace}\u0000${name}`;
}

/**
 * The watch cache's memory: summaries of every watched object, indexed by
 * kubernetes-id. Tells listeners which ids changed, only when a summary
 * really changed (status churn that the summary drops is not a change).
 */
export class StatusStore {
  private readonly summaries = new Map<
    string,
    { summary: ResourceSummary; json: string }
  >();
  private readonly byKubernetesId = new Map<string, Set<string>>();
  private readonly syncing = new Map<string, Set<string>>();
  private readonly listeners = new Set<StoreChangeListener>();

  /** Number of summaries held. */
  get size(): number {
    return this.summaries.size;
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: StoreChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every summary of a kubernetes-id, in every cluster. */
  forKubernetesId(kubernetesId: string): ResourceSummary[] {
    const keys = this.byKubernetesId.get(kubernetesId);
    return keys ? [...keys].map(key => this.summaries.get(key)!.summary) : [];
  }

  /** Adds or replaces a summary. */
  upsert(summary: ResourceSummary): void {
    const key = keyOf(
      summary.cluster,
      summary.kind,
      summary.namespace,
      summary.name,
    );
    this.syncing.get(this.syncKey(summary.cluster, summary.kind))?.add(key);
    const json = JSON.stringify(summary);
    const previous = this.summaries.get(key);
    if (previous?.json === json) return;
    const changed = new Set([summary.kubernetesId]);
    if (previous) {
      this.unindex(key, previous.summary.kubernetesId);
      changed.add(previous.summary.kubernetesId);
    }
    this.summaries.set(key, { summary, json });
    let keys = this.byKubernetesId.get(summary.kubernetesId);
    if (!keys) {
      keys = new Set();
      this.byKubernetesId.set(summary.kubernetesId, keys);
    }
    keys.add(key);
    this.emit(changed);
  }

  /** Removes an object's summary, if held. */
  delete(
    cluster: string,
    kind: SummaryKind,
    namespace: string,
    name: string,
  ): void {
    const key = keyOf(cluster, kind, namespace, name);
    const previous = this.summaries.get(key);
    if (!previous) return;
    this.summaries.delete(key);
    this.unindex(key, previous.summary.kubernetesId);
    this.emit(new Set([previous.summary.kubernetesId]));
  }

  /** A full list of one kind in one cluster begins. */
  beginSync(cluster: string, kind: SummaryKind): void {
    this.syncing.set(this.syncKey(cluster, kind), new Set());
  }

  /** The full list is complete: summaries it did not upsert are deleted. */
  endSync(cluster: string, kind: SummaryKind): void {
    const seen = this.syncing.get(this.syncKey(cluster, kind));
    this.syncing.delete(this.syncKey(cluster, kind));
    if (!seen) return;
    const prefix = `${cluster}\u0000${kind}\u0000`;
    for (const [key, { summary }] of this.summaries) {
      if (key.startsWith(prefix) && !seen.has(key)) {
        this.delete(cluster, kind, summary.namespace, summary.name);
      }
    }
  }

  private syncKey(cluster: string, kind: SummaryKind): string {
    return `${cluster}\u0000${kind}`;
  }

  private unindex(key: string, kubernetesId: string): void {
    const keys = this.byKubernetesId.get(kubernetesId);
    keys?.delete(key);
    if (keys?.size === 0) this.byKubernetesId.delete(kubernetesId);
  }

  private emit(kubernetesIds: ReadonlySet<string>): void {
    this.listeners.forEach(listener => listener(kubernetesIds));
  }
}
