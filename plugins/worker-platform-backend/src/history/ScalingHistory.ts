import {
  EnvironmentScalingHistory,
  QueueTarget,
} from '@worker-platform/plugin-worker-platform-common';
import { PoolSample } from './samplePools';
import { RingPoint, ScalingHistoryRing } from './ScalingHistoryRing';

/** A point {@link ScalingHistory.record} added, as the history route will serve it. */
export interface RecordedPoint {
  environment: string;
  pool: string;
  /**
   * When the pool's previous point was recorded (epoch ms); null when this
   * point starts the pool's ring (a new pool, or its queues changed). A
   * reader whose last point is not this one missed something.
   */
  previousAt: number | null;
  point: RingPoint;
}

/**
 * Options of `ScalingHistory`.
 *
 * @public
 */
export interface ScalingHistoryOptions {
  /**
   * Samples kept per pool and environment; 720 by default: a depth change
   * every 10 s for an hour plus as many replica changes.
   */
  capacity?: number;
  /** Entities (kubernetes-ids) kept, least recently recorded dropped first; 10,000 by default. */
  maxEntities?: number;
}

interface PoolEntry {
  ring: ScalingHistoryRing;
  queues: QueueTarget[];
  recordedSince: number;
}

/**
 * The last hour of every worker pool's replicas and queue depths, in memory:
 * a {@link ScalingHistoryRing} per pool and environment, grouped by entity
 * (kubernetes-id). A sample becomes a point only when it differs from the
 * pool's last point, so a quiet pool costs one point. A pool whose queues
 * change (a trigger added or renamed) starts a new ring.
 */
export class ScalingHistory {
  private readonly capacity: number;
  private readonly maxEntities: number;
  /** kubernetes-id → `<environment>\0<pool>` → entry, least recently recorded first. */
  private readonly entities = new Map<string, Map<string, PoolEntry>>();

  constructor(options: ScalingHistoryOptions = {}) {
    this.capacity = options.capacity ?? 720;
    this.maxEntities = options.maxEntities ?? 10_000;
  }

  /** Entities held. */
  get entityCount(): number {
    return this.entities.size;
  }

  /** Bytes held in rings, over every entity. */
  get ringBytes(): number {
    let bytes = 0;
    for (const pools of this.entities.values()) {
      for (const entry of pools.values()) bytes += entry.ring.byteLength;
    }
    return bytes;
  }

  /**
   * Records an entity's pools at `at` (epoch ms). Returns the points added
   * (none when nothing changed), read back from the rings so they are what
   * the route serves (times in whole seconds, depths as float32).
   */
  record(
    kubernetesId: string,
    samples: PoolSample[],
    at: number,
  ): RecordedPoint[] {
    if (samples.length === 0) return [];
    let pools = this.entities.get(kubernetesId);
    if (pools) {
      this.entities.delete(kubernetesId);
    } else {
      pools = new Map();
    }
    this.entities.set(kubernetesId, pools);
    if (this.entities.size > this.maxEntities) {
      this.entities.delete(this.entities.keys().next().value!);
    }
    const added: RecordedPoint[] = [];
    for (const sample of samples) {
      const key = `${sample.environment}\u0000${sample.pool}`;
      let entry = pools.get(key);
      const queueNames = sample.queues.map(q => q.queue);
      if (!entry || !sameNames(entry.ring.queues, queueNames)) {
        entry = {
          ring: new ScalingHistoryRing(queueNames, this.capacity),
          queues: sample.queues,
          recordedSince: at,
        };
        pools.set(key, entry);
      }
      entry.queues = sample.queues;
      const last = entry.ring.last();
      if (last && samePoint(last, sample)) continue;
      entry.ring.push({
        at,
        desired: sample.desired,
        ready: sample.ready,
        depths: sample.depths,
      });
      added.push({
        environment: sample.environment,
        pool: sample.pool,
        previousAt: last?.at ?? null,
        point: entry.ring.last()!,
      });
    }
    return added;
  }

  /** An entity's points from `fromMs` on, by environment and pool name. */
  read(kubernetesId: string, fromMs: number): EnvironmentScalingHistory[] {
    const pools = this.entities.get(kubernetesId);
    if (!pools) return [];
    const environments = new Map<string, EnvironmentScalingHistory>();
    for (const [key, entry] of pools) {
      const [environment, pool] = key.split('\u0000');
      let history = environments.get(environment);
      if (!history) {
        history = { name: environment, pools: [] };
        environments.set(environment, history);
      }
      history.pools.push({
        name: pool,
        queues: entry.queues,
        recordedSince: new Date(entry.recordedSince).toISOString(),
        points: entry.ring.since(fromMs).map(point => ({
          at: new Date(point.at).toISOString(),
          desired: point.desired,
          ready: point.ready,
          depths: point.depths,
        })),
      });
    }
    return [...environments.values()].map(history => ({
      ...history,
      pools: history.pools.sort((a, b) => a.name.localeCompare(b.name)),
    }));
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function samePoint(
  last: { desired: number; ready: number; depths: Array<number | null> },
  sample: PoolSample,
): boolean {
  return (
    last.desired === sample.desired &&
    last.ready === sample.ready &&
    last.depths.every((depth, i) => depth === roundToFloat32(sample.depths[i]))
  );
}

// The ring stores depths as float32; compare in the same precision.
function roundToFloat32(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.fround(value);
}
