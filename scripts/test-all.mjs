#!/usr/bin/env node
/**
 * Runs every check the project has, in the order a reviewer would: types,
 * lint, formatting, the API reports of the published packages, unit and
 * integration tests (jest), two backend replicas
 * on one PostgreSQL behind a round-robin proxy, the runtime contract
 * of generated services (real Redis, PostgreSQL and Celery workers), the
 * browser suite (Playwright), then the adoption test (our packed packages in
 * a pristine Backstage app). Each static check, and each published
 * package's API report check, counts as one test; jest, the replicas, the
 * runtime contract, Playwright and the adoption test count their own. The
 * last line is `N passed, N failed, N skipped` for CI, preceded by any
 * `SKIPPED:` line a test printed, so nothing is skipped silently.
 *
 * Usage: yarn test:all [--skip-e2e] [--only=tsc,lint,prettier,api-reports,jest,replicas,runtime,e2e,adoption]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTechdocsToolchain } from './techdocs/toolchain.cjs';

const args = process.argv.slice(2);
const only = args
  .find(a => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const skipE2e = args.includes('--skip-e2e');
const wanted = stage =>
  only ? only.includes(stage) : !(stage === 'e2e' && skipE2e);

const reportDir = fs.mkdtempSync(
  path.join(os.tmpdir(), 'worker-platform-tests-'),
);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedNotes = new Set();
const failures = [];

/** Runs a command, streaming its output, and resolves with its exit code and output. */
function run(command, commandArgs, env = {}) {
  return new Promise(resolve => {
    const started = Date.now();
    console.log(`\n▶ ${command} ${commandArgs.join(' ')}`);
    const child = spawn(command, commandArgs, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = stream => chunk => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('close', code => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`◀ exit ${code} after ${seconds}s`);
      for (const line of output.split('\n')) {
        const match = line.match(/SKIPPED: .*/);
        if (match) skippedNotes.add(match[0].trim());
      }
      resolve({ code, output });
    });
  });
}

/** A check without its own test count: one pass or one failure. */
async function staticCheck(name, command, commandArgs) {
  const { code } = await run(command, commandArgs);
  if (code === 0) {
    totals.passed += 1;
  } else {
    totals.failed += 1;
    failures.push(name);
  }
}

/**
 * The packages an adopter installs: every plugin package that is not
 * private. Their committed API reports must match the code.
 */
function publishedPackages() {
  return fs
    .readdirSync('plugins', { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => path.join('plugins', entry.name))
    .filter(dir => {
      const manifest = path.join(dir, 'package.json');
      return (
        fs.existsSync(manifest) &&
        !JSON.parse(fs.readFileSync(manifest, 'utf8')).private
      );
    })
    .sort();
}

/** One test per published package: its API report is up to date (`--ci`). */
async function apiReports() {
  // The reports are extracted from dist-types, which `yarn tsc` writes. An
  // incremental tsc may print a type it inferred (from a zod schema) with its
  // members in another order than a fresh one does, so the reports are always
  // checked against a fresh build, as a clean clone makes it.
  fs.rmSync('dist-types', { recursive: true, force: true });
  await run('yarn', ['tsc']);
  for (const dir of publishedPackages()) {
    await staticCheck(`api report of ${dir}`, 'yarn', [
      'backstage-repo-tools',
      'api-reports',
      '--ci',
      // As in package.json's api-reports scripts: messages about our own
      // workspace sources (resolved as .ts, not .d.ts) and undocumented
      // members are not API changes; Backstage's repo omits them too.
      '-o',
      'ae-wrong-input-file-type,ae-undocumented',
      dir,
    ]);
  }
}

async function jest() {
  const outputFile = path.join(reportDir, 'jest.json');
  const { code } = await run(
    'yarn',
    [
      'backstage-cli',
      'repo',
      'test',
      '--ci',
      '--json',
      `--outputFile=${outputFile}`,
    ],
    { CI: 'true' },
  );
  if (!fs.existsSync(outputFile)) {
    totals.failed += 1;
    failures.push(`jest (exit ${code}, no report)`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no failed tests but is a failure.
  const brokenSuites = report.testResults.filter(
    r =>
      r.status === 'failed' &&
      r.assertionResults.every(a => a.status !== 'failed'),
  );
  totals.failed += brokenSuites.length;
  const jestOutsideTests =
    code !== 0 && report.numFailedTests === 0 && brokenSuites.length === 0;
  if (jestOutsideTests) totals.failed += 1;
  if (code !== 0 || report.numFailedTests > 0 || brokenSuites.length > 0) {
    failures.push(
      `jest (${report.numFailedTests} failed tests, ${brokenSuites.length} broken suites)`,
    );
  }
}

/**
 * A script that ends with its own `N passed, N failed, N skipped` line
 * (`yarn test:replicas`, `yarn test:adoption`): its checks count.
 */
async function countedScript(name, script) {
  const { code, output } = await run('yarn', [script]);
  const counts = [
    ...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm),
  ].pop();
  if (!counts) {
    totals.failed += 1;
    failures.push(`${name} (exit ${code}, no counts)`);
    return;
  }
  const [passed, failed, skipped] = counts.slice(1).map(Number);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  if (code !== 0 && failed === 0) totals.failed += 1;
  if (code !== 0 || failed > 0) failures.push(`${name} (${failed} failed)`);
}

async function runtime() {
  const reportFile = path.join(reportDir, 'runtime.json');
  const { code } = await run('yarn', ['test:runtime', '--report', reportFile]);
  if (!fs.existsSync(reportFile)) {
    totals.failed += 1;
    failures.push(`runtime contract (exit ${code}, no report)`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  totals.passed += report.passed;
  totals.failed += report.failed;
  totals.skipped += report.skipped;
  if (code !== 0 || report.failed > 0) {
    failures.push(`runtime contract (${report.failed} failed)`);
  }
}

async function e2e() {
  const resultsFile = 'e2e-test-report/results.json';
  fs.rmSync(resultsFile, { force: true });
  const { code } = await run('yarn', ['playwright', 'test'], { CI: 'true' });
  if (!fs.existsSync(resultsFile)) {
    totals.failed += 1;
    failures.push(`e2e (exit ${code}, no report)`);
    return;
  }
  const { stats } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  // A run that fails outside any test (a web server that did not start, a
  // global error) reports no failed test but must still fail.
  const outsideTests = code !== 0 && stats.unexpected === 0;
  if (outsideTests) totals.failed += 1;
  if (code !== 0 || stats.unexpected > 0) {
    failures.push(
      outsideTests
        ? `e2e (exit ${code} outside any test)`
        : `e2e (${stats.unexpected} failed)`,
    );
  }
}

if (wanted('tsc')) await staticCheck('tsc', 'yarn', ['tsc']);
if (wanted('lint')) await staticCheck('lint', 'yarn', ['lint:all']);
if (wanted('prettier'))
  await staticCheck('prettier', 'yarn', ['prettier:check']);
if (wanted('api-reports')) await apiReports();
if (wanted('jest') || wanted('e2e')) {
  // The docs build test (jest) and the Docs tab (e2e) run the mkdocs the
  // app's TechDocs runs under `yarn start`.
  process.env.PATH = withTechdocsToolchain(process.env, line => {
    console.log(`[techdocs] ${line}`);
    if (line.startsWith('SKIPPED: ')) skippedNotes.add(line);
  }).PATH;
}
if (wanted('jest')) await jest();
if (wanted('replicas')) await countedScript('replicas', 'test:replicas');
if (wanted('runtime')) await runtime();
if (wanted('e2e')) await e2e();
if (wanted('adoption')) await countedScript('adoption', 'test:adoption');

console.log('');
for (const note of skippedNotes) console.log(note);
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(totals.failed > 0 ? 1 : 0);
