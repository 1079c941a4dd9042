/*
 * Scaling history memory benchmark: fills the backend's ScalingHistory as a
 * fleet would fill it in an hour — services × environments × pools, a new
 * point every 10 s (every sample differs, so every one is kept) — and prints
 * the heap and typed-array memory it holds, per pool and in total, as a
 * markdown table. See README.md.
 *
 *   yarn bench:history [--services 1000] [--environments 3] [--pools 3] [--queues 2] [--interval 10] [--minutes 60]
 */
import { parseArgs } from 'node:util';
import { ScalingHistory } from '../../plugins/worker-platform-backend/src/history/ScalingHistory';
import { PoolSample } from '../../plugins/worker-platform-backend/src/history/samplePools';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '1000' },
    environments: { type: 'string', default: '3' },
    pools: { type: 'string', default: '3' },
    queues: { type: 'string', default: '2' },
    interval: { type: 'string', default: '10' },
    minutes: { type: 'string', default: '60' },
  },
});
const services = Number(values.services);
const environments = Number(values.environments);
const pools = Number(values.pools);
const queues = Number(values.queues);
const intervalMs = Number(values.interval) * 1000;
const points = Math.floor((Number(values.minutes) * 60_000) / intervalMs);

const gc = (global as { gc?: () => void }).gc;
if (!gc) {
  throw new Error('run with node --expose-gc (yarn bench:history does)');
}

function measure() {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const envNames = Array.from({ length: environments }, (_, e) => `env-${e}`);
const poolNames = Array.from({ length: pools }, (_, p) => `pool-${p}`);
const queueTargets = Array.from({ length: queues }, (_, q) => ({
  queue: `queue-${q}`,
  targetLength: 10,
}));

const before = measure();
const history = new ScalingHistory({ maxEntities: services });
const started = Date.now();
const t0 = Date.parse('2026-12-04T10:00:00Z');
for (let i = 0; i < points; i++) {
  const at = t0 + i * intervalMs;
  for (let s = 0; s < services; s++) {
    const samples: PoolSample[] = [];
    for (const environment of envNames) {
      for (const pool of poolNames) {
        samples.push({
          environment,
          pool,
          queues: queueTargets,
          // Differs from the previous point every time: the worst case.
          desired: i % 21,
          ready: i % 21,
          depths: queueTargets.map((_, q) => (i * 7 + q + s) % 500),
        });
      }
    }
    history.record(`service-${s}`, samples, at);
  }
}
const fillMs = Date.now() - started;
const after = measure();

const poolCount = services * environments * pools;
const held = after - before;
const ringBytes = history.ringBytes;
const sample = history.read('service-0', t0);
const reads = Math.min(services, 200);
const readStarted = process.hrtime.bigint();
for (let s = 0; s < reads; s++) history.read(`service-${s}`, t0);
const readUs = Number(process.hrtime.bigint() - readStarted) / 1000 / reads;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(
  `\n${services} services × ${environments} environments × ${pools} pools = ${poolCount} pools, ${queues} queues each, one point per ${
    intervalMs / 1000
  } s for ${values.minutes} min (${points} points per pool, ${
    sample[0].pools[0].points.length
  } kept)\n`,
);
console.log('| measure | total | per pool |');
console.log('| --- | --- | --- |');
console.log(
  `| typed arrays (ring capacity 720) | ${mib(ringBytes)} | ${kib(
    ringBytes / poolCount,
  )} |`,
);
console.log(
  `| heap + array buffers held (after GC) | ${mib(held)} | ${kib(
    held / poolCount,
  )} |`,
);
console.log(`| time to fill | ${fillMs} ms | |`);
console.log(
  `| read one entity's hour (${
    environments * pools
  } pools, mean of ${reads}) | ${readUs.toFixed(0)} µs | |`,
);
console.log(`\nnode ${process.version}`);
