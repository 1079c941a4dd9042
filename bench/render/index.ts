/*
 * Render benchmark: median time of renderRepository for the seed spec and a
 * generated 10-pool × 6-environment spec, beside an anchor that renders the
 * same blueprints the way Backstage's fetch:template works (a new nunjucks
 * environment per run, every template read from disk and compiled again).
 * fetch:template itself cannot render these blueprints: it only knows the
 * ${{ }} delimiters, which our generated files must keep for GitHub Actions.
 *
 *   yarn bench:render            (BENCH_RUNS=200 to change the sample size)
 */
import { performance } from 'perf_hooks';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from '../../plugins/worker-platform-node/src';
import { BlueprintSet } from '../../plugins/worker-platform-node/src/render/blueprints/BlueprintSet';
import { deriveModel } from '../../plugins/worker-platform-node/src/render/model/deriveModel';
import { postProcess } from '../../plugins/worker-platform-node/src/render/postProcess';
import { generatedSpec, seedSpec } from './specs';

const runs = Number(process.env.BENCH_RUNS ?? 50);
const targetMs = 50;

const blueprintDir = resolvePackagePath(
  '@worker-platform/plugin-worker-platform-node',
  'blueprints',
);

/** fetch:template style: nothing survives from one render to the next. */
function renderUncached(spec: WorkerPlatformSpec): Map<string, string> {
  return postProcess(BlueprintSet.load(blueprintDir).render(deriveModel(spec)));
}

interface Sample {
  files: number;
  /** Median wall-clock time of one render. */
  wallMs: number;
  /** Median CPU time of one render: what it costs, even on a busy machine. */
  cpuMs: number;
}

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function measure(render: () => Map<string, string>): Sample {
  let files = 0;
  for (let i = 0; i < 3; i++) files = render().size;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    render();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { files, wallMs: middle(wall), cpuMs: middle(cpu) };
}

const cases: [string, WorkerPlatformSpec][] = [
  ['seed (pingvasai: 3 pools × 3 envs)', seedSpec()],
  ['generated (10 pools × 6 envs)', generatedSpec(10, 6)],
];

const rows = cases.map(([name, spec]) => {
  const ours = measure(() => renderRepository(spec));
  const anchor = measure(() => renderUncached(spec));
  return {
    spec: name,
    files: ours.files,
    'ours wall ms': ours.wallMs.toFixed(1),
    'ours CPU ms': ours.cpuMs.toFixed(1),
    'anchor wall ms': anchor.wallMs.toFixed(1),
    'anchor CPU ms': anchor.cpuMs.toFixed(1),
    'speedup (CPU)': `${(anchor.cpuMs / ours.cpuMs).toFixed(1)}×`,
    [`CPU < ${targetMs} ms`]: ours.cpuMs < targetMs ? 'yes' : 'NO',
  };
});

// eslint-disable-next-line no-console
console.log(
  `render benchmark: medians of ${runs} runs per cell, one process; ` +
    'anchor = new nunjucks environment + templates read and compiled per render\n',
);
// eslint-disable-next-line no-console
console.table(rows);
