#!/usr/bin/env node
/**
 * `yarn start`: the app as `backstage-cli repo start` runs it, with the
 * mkdocs TechDocs builds a generated service's docs with first on PATH
 * (scripts/techdocs/toolchain.cjs prepares it once, under .cache/). Without
 * it the app still starts; Docs tabs then show TechDocs' build error.
 */
import { spawn } from 'node:child_process';
import { withTechdocsToolchain } from './techdocs/toolchain.cjs';

const env = withTechdocsToolchain(process.env, line =>
  console.log(`[techdocs] ${line}`),
);
const child = spawn(
  'backstage-cli',
  ['repo', 'start', ...process.argv.slice(2)],
  {
    env,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches both processes (same process group); stop signals sent to
// this one alone are passed on.
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
