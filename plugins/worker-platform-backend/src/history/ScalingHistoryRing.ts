/** One recorded sample, as the ring takes and gives it. */
export interface RingPoint {
  /** Epoch milliseconds; stored at one-second resolution. */
  at: number;
  desired: number;
  ready: number;
  /** One per queue of the ring; null when unknown. */
  depths: Array<number | null>;
}

const MAX_REPLICAS = 0xffff;

/**
 * A fixed-capacity ring of one pool's samples in typed arrays: 4 bytes of
 * time (seconds), 2 + 2 bytes of desired and ready replicas, 4 bytes per
 * queue depth (float32, NaN for unknown). The oldest sample is overwritten
 * when the ring is full, so memory is `capacity × (8 + 4 × queues)` bytes
 * from the first push on, whatever happens in the cluster.
 */
export class ScalingHistoryRing {
  /** Queue names, in the order of each point's depths. */
  readonly queues: readonly string[];
  readonly capacity: number;
  private readonly seconds: Uint32Array;
  private readonly desired: Uint16Array;
  private readonly ready: Uint16Array;
  private readonly depths: Float32Array;
  private start = 0;
  private count = 0;

  constructor(queues: readonly string[], capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer: ${capacity}`);
    }
    this.queues = [...queues];
    this.capacity = capacity;
    this.seconds = new Uint32Array(capacity);
    this.desired = new Uint16Array(capacity);
    this.ready = new Uint16Array(capacity);
    this.depths = new Float32Array(capacity * Math.max(queues.length, 1));
  }

  /** Samples held. */
  get size(): number {
    return this.count;
  }

  /** Bytes of the typed arrays (what grows with capacity and queues). */
  get byteLength(): number {
    return (
      this.seconds.byteLength +
      this.desired.byteLength +
      this.ready.byteLength +
      this.depths.byteLength
    );
  }

  /** The newest sample, if any. */
  last(): RingPoint | undefined {
    return this.count === 0 ? undefined : this.read(this.count - 1);
  }

  /** Appends a sample, overwriting the oldest when full. */
  push(point: RingPoint): void {
    const slot = (this.start + this.count) % this.capacity;
    if (this.count === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.count += 1;
    }
    this.seconds[slot] = Math.floor(point.at / 1000);
    this.desired[slot] = clampReplicas(point.desired);
    this.ready[slot] = clampReplicas(point.ready);
    const width = Math.max(this.queues.length, 1);
    for (let q = 0; q < this.queues.length; q++) {
      const depth = point.depths[q];
      this.depths[slot * width + q] =
        depth === null || depth === undefined ? NaN : depth;
    }
  }

  /**
   * Samples from `fromMs` on, oldest first, plus the last sample before it
   * (moved to `fromMs`): the state at the window's left edge.
   */
  since(fromMs: number): RingPoint[] {
    const points: RingPoint[] = [];
    for (let i = 0; i < this.count; i++) {
      const point = this.read(i);
      if (point.at >= fromMs) {
        points.push(point);
      } else if (i === this.count - 1 || this.read(i + 1).at > fromMs) {
        points.push({ ...point, at: fromMs });
      }
    }
    return points;
  }

  private read(index: number): RingPoint {
    const slot = (this.start + index) % this.capacity;
    const width = Math.max(this.queues.length, 1);
    const depths: Array<number | null> = [];
    for (let q = 0; q < this.queues.length; q++) {
      const depth = this.depths[slot * width + q];
      depths.push(Number.isNaN(depth) ? null : depth);
    }
    return {
      at: this.seconds[slot] * 1000,
      desired: this.desired[slot],
      ready: this.ready[slot],
      depths,
    };
  }
}

function clampReplicas(value: number): number {
  return Math.max(0, Math.min(MAX_REPLICAS, Math.round(value)));
}
