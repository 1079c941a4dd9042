/*
 * Validate benchmark: median wall time to validate the repository rendered
 * from the seed spec (examples/specs/pingvasai.yaml), split by rule family,
 * including the kustomize builds of every overlay and Application path.
 *
 * The anchor is the floor a hand-written CI check would pay for the same
 * kustomize coverage alone: `kubectl kustomize` (or `kustomize build`) on
 * each of those directories one after another.
 *
 *   yarn bench:validate          (BENCH_RUNS=10 to change the sample size)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from '../../plugins/worker-platform-node/src';
import { RepositorySnapshot } from '../../plugins/worker-platform-node/src/validate/repository/RepositorySnapshot';
import { findDeployUnits } from '../../plugins/worker-platform-node/src/validate/kustomize/deployUnits';
import {
  detectKustomizeTool,
  isKustomizeTool,
  KustomizeTool,
} from '../../plugins/worker-platform-node/src/validate/kustomize/KustomizeTool';
import { RULE_FAMILIES } from '../../plugins/worker-platform-node/src/validate/types';
import {
  createValidationContext,
  runFamily,
} from '../../plugins/worker-platform-node/src/validate/validateRepository';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const targetMs = 5000;

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** One validation, timed per family; the kustomize family includes building every unit. */
async function validateOnce(files: Map<string, string>, tool: KustomizeTool) {
  const repo = RepositorySnapshot.fromFiles(files);
  const times: Record<string, number> = {};
  let findings = 0;
  try {
    const context = await createValidationContext(repo, { kustomize: tool });
    for (const family of RULE_FAMILIES) {
      const start = performance.now();
      if (family === 'kustomize') {
        await repo.directory();
        await context.units();
      }
      findings += (await runFamily(context, family)).length;
      times[family] = performance.now() - start;
    }
  } finally {
    await repo.dispose();
  }
  return { times, findings };
}

/** The anchor: the same directories built one at a time, nothing else checked. */
async function serialBuilds(files: Map<string, string>, tool: KustomizeTool) {
  const repo = RepositorySnapshot.fromFiles(files);
  try {
    const root = await repo.directory();
    const start = performance.now();
    for (const unit of findDeployUnits(repo)) {
      await tool.build(path.join(root, unit.dir));
    }
    return performance.now() - start;
  } finally {
    await repo.dispose();
  }
}

async function main() {
  const specFile = path.resolve(
    __dirname,
    '../../examples/specs/pingvasai.yaml',
  );
  const parsed = parseSpec(fs.readFileSync(specFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${specFile} is invalid`);
  const files = renderRepository(parsed.spec);
  const tool = await detectKustomizeTool();
  if (!isKustomizeTool(tool)) {
    console.log(`SKIPPED: ${tool.message}`);
    return;
  }

  const cold = await validateOnce(files, tool);
  const samples: Record<string, number>[] = [];
  const anchor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { times, findings } = await validateOnce(files, tool);
    if (findings > 0)
      throw new Error(`the seed repository has ${findings} findings`);
    samples.push({
      ...times,
      total: Object.values(times).reduce((a, b) => a + b, 0),
    });
    anchor.push(await serialBuilds(files, tool));
  }

  const units = findDeployUnits(RepositorySnapshot.fromFiles(files)).length;
  console.log(
    `validate: seed spec, ${files.size} files, ${units} kustomize builds with ${tool.description}, median of ${runs} runs\n`,
  );
  console.table([
    ...[...RULE_FAMILIES, 'total'].map(family => ({
      'rule family': family,
      'median wall ms': middle(samples.map(s => s[family])).toFixed(0),
      'first run ms': (family === 'total'
        ? Object.values(cold.times).reduce((a, b) => a + b, 0)
        : cold.times[family]
      ).toFixed(0),
    })),
    {
      'rule family': `anchor: ${units} builds one by one`,
      'median wall ms': middle(anchor).toFixed(0),
      'first run ms': '',
    },
  ]);
  const total = middle(samples.map(s => s.total));
  console.log(
    `\ntarget < ${targetMs} ms including kustomize builds: ${
      total < targetMs ? 'met' : 'NOT met'
    } (${total.toFixed(0)} ms)`,
  );
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
