/*
 * The runtime contract stage: every example spec is rendered and its
 * generated service is run here, against the local Redis and PostgreSQL.
 *
 * For each spec: render it with a Redis database and key prefix of this run
 * alone, build its production overlays with kustomize, make (or reuse) a
 * virtualenv from the generated requirements, then run
 *   1. the generated repository's own pytest suite, and
 *   2. the contract suite (python/test_runtime_contract.py), which starts the
 *      API and each worker with the command, arguments and environment of the
 *      built Deployments.
 * Anything that cannot run says `SKIPPED: <reason>` and is counted as
 * skipped. The last line is `N passed, N failed, N skipped`.
 *
 * Specs are parsed with the demo app's organisation defaults
 * (`workerPlatform.defaults` of app-config.yaml), as the demo renders them.
 *
 *   yarn test:runtime [--spec examples/specs/x.yaml] [--report FILE]
 *   (RTC_PYTHON picks the interpreter; RTC_REDIS_ADDRESS and RTC_POSTGRES_URL the servers)
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';
import {
  formatSpecErrors,
  parseSpec,
  parseSpecDefaults,
  SpecDefaults,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from '../../src/render/renderRepository';
import { writeRepository } from '../../src/write/writeRepository';
import {
  detectKustomizeTool,
  isKustomizeTool,
  KustomizeTool,
} from '../../src/validate/kustomize/KustomizeTool';
import { countJUnit, SuiteCounts } from './junit';
import { BASE_PYTHON, ensureVirtualenv, requirementLines } from './virtualenv';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');
const PYTHON_DIR = path.join(__dirname, 'python');
const CACHE_DIR = path.join(ROOT, '.cache', 'runtime-contract');
const REDIS_ADDRESS = process.env.RTC_REDIS_ADDRESS ?? '127.0.0.1:6379';
const POSTGRES_URL =
  process.env.RTC_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
/** Test tools of requirements-dev.txt the stage installs; linters and scanners stay out. */
const TEST_TOOLS = ['pytest', 'pytest-cov', 'httpx', 'pyyaml'];

interface StageResult extends SuiteCounts {
  skippedReasons: string[];
}

function log(line: string) {
  console.log(`[runtime] ${line}`);
}

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The environment the contract is checked in: the spec's production, else its last. */
function contractEnvironment(spec: WorkerPlatformSpec): string {
  const names = spec.spec.environments.map(e => e.name);
  return names.includes('production') ? 'production' : names[names.length - 1];
}

/** The spec with this run's own Redis database and a key prefix in front of its own. */
function isolate(
  spec: WorkerPlatformSpec,
  databaseIndex: number,
  runPrefix: string,
): WorkerPlatformSpec {
  return {
    ...spec,
    spec: {
      ...spec.spec,
      redis: {
        ...spec.spec.redis,
        databaseIndex,
        keyPrefix: `${runPrefix}${spec.spec.redis.keyPrefix}`,
      },
    },
  };
}

/** Runs a command with its output streamed under a prefix; resolves with the exit code. */
function stream(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; prefix: string },
): Promise<number> {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) console.log(`  ${options.prefix} ${line}`);
      }
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('close', code => resolve(code ?? 1));
  });
}

async function pytest(
  python: string,
  label: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; report: string },
): Promise<SuiteCounts> {
  const started = Date.now();
  const code = await stream(
    python,
    [
      '-m',
      'pytest',
      '-p',
      'no:cacheprovider',
      '-q',
      '-rfEs',
      `--junitxml=${options.report}`,
      ...args,
    ],
    { cwd: options.cwd, env: options.env, prefix: `${label} |` },
  );
  const counts = fs.existsSync(options.report)
    ? countJUnit(fs.readFileSync(options.report, 'utf8'))
    : { passed: 0, failed: 0, skipped: 0, failures: [] };
  // pytest failing outside any test (collection, a crashed fixture) is a failure too.
  if (code !== 0 && counts.failed === 0) {
    counts.failed += 1;
    counts.failures.push(`${label}: pytest exited ${code} outside any test`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  log(
    `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`,
  );
  return counts;
}

async function admin(python: string, ...args: string[]) {
  return run(python, [path.join(PYTHON_DIR, 'admin.py'), ...args]);
}

/** The generated repository's requirements the stage installs (the same pins as its images and CI). */
function stageRequirements(files: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [file, content] of files) {
    if (/^requirements(-[a-z0-9-]+-worker)?\.txt$/.test(file)) {
      lines.push(...requirementLines(content));
    }
  }
  const dev = requirementLines(files.get('requirements-dev.txt') ?? '');
  lines.push(
    ...dev.filter(line =>
      TEST_TOOLS.includes(line.split(/[=<>~![ ]/)[0].toLowerCase()),
    ),
  );
  return lines;
}

async function buildObjects(
  tool: KustomizeTool,
  repoDir: string,
  environment: string,
): Promise<unknown[]> {
  const objects: unknown[] = [];
  for (const namespace of ['service-ns', 'worker-ns']) {
    const dir = path.join(repoDir, 'k8s', 'overlays', environment, namespace);
    const built = await tool.build(dir);
    if (!built.ok) throw new Error(`kustomize build ${dir}: ${built.error}`);
    objects.push(
      ...yaml
        .parseAllDocuments(built.output)
        .map(doc => doc.toJSON())
        .filter(Boolean),
    );
  }
  return objects;
}

/** The demo app's organisation defaults, which the example specs rely on. */
function demoSpecDefaults(): SpecDefaults {
  const file = path.join(ROOT, 'app-config.yaml');
  const result = parseSpecDefaults(fs.readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(formatSpecErrors(result.errors, file));
  return result.defaults;
}

async function checkSpec(
  specFile: string,
  tool: KustomizeTool,
  workDir: string,
): Promise<StageResult> {
  const name = path.basename(specFile, '.yaml');
  const parsed = parseSpec(
    fs.readFileSync(specFile, 'utf8'),
    demoSpecDefaults(),
  );
  if (!parsed.ok) {
    throw new Error(
      `${specFile} is not a valid spec: ${JSON.stringify(parsed.errors)}`,
    );
  }
  const files = renderRepository(parsed.spec);
  const requirements = stageRequirements(files);
  const venv = await ensureVirtualenv(requirements, CACHE_DIR, log);
  for (const note of venv.notes) log(`${name}: virtualenv ${note}`);

  const reachable = await admin(
    venv.python,
    'check',
    REDIS_ADDRESS,
    POSTGRES_URL,
  ).then(
    () => undefined,
    error => String(error.stdout || error.message).trim(),
  );
  if (reachable) {
    return {
      passed: 0,
      failed: 0,
      skipped: 1,
      failures: [],
      skippedReasons: [`SKIPPED: runtime contract of ${name}: ${reachable}`],
    };
  }

  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const databaseIndex = Number(
    (await admin(venv.python, 'pick-db', REDIS_ADDRESS)).stdout.trim(),
  );
  const runPrefix = `rtc-${runId}:`;
  const spec = isolate(parsed.spec, databaseIndex, runPrefix);
  const environment = contractEnvironment(spec);
  const repoDir = path.join(workDir, name);
  await writeRepository(repoDir, renderRepository(spec));
  const objects = await buildObjects(tool, repoDir, environment);
  const database = `rtc_${runId}_${name.replace(/[^a-z0-9]/g, '_')}`;
  const databaseUrl = `${POSTGRES_URL.replace(
    /^postgresql:/,
    'postgresql+psycopg:',
  ).replace(/\/[^/]*$/, '')}/${database}`;
  log(
    `${name}: Redis database ${databaseIndex}, key prefix ${spec.spec.redis.keyPrefix}, PostgreSQL database ${database}, ${environment} overlays (${objects.length} objects)`,
  );

  await admin(venv.python, 'create-db', POSTGRES_URL, database);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_ADDRESS,
    REDIS_DB: String(databaseIndex),
    DATABASE_URL: databaseUrl,
    TEST_DATABASE_URL: databaseUrl,
    PYTHONDONTWRITEBYTECODE: '1',
  };
  try {
    const own = await pytest(venv.python, `${name} generated tests`, [], {
      cwd: repoDir,
      env,
      report: path.join(workDir, `${name}-generated.xml`),
    });
    const plan = path.join(workDir, `${name}-plan.json`);
    fs.writeFileSync(
      plan,
      JSON.stringify({
        repo: repoDir,
        environment,
        redisAddress: REDIS_ADDRESS,
        databaseIndex,
        keyPrefix: spec.spec.redis.keyPrefix,
        databaseUrl,
        objects,
      }),
    );
    const contract = await pytest(
      venv.python,
      `${name} runtime contract`,
      ['-s', PYTHON_DIR],
      {
        cwd: PYTHON_DIR,
        env: { ...env, RTC_PLAN: plan },
        report: path.join(workDir, `${name}-contract.xml`),
      },
    );
    return {
      passed: own.passed + contract.passed,
      failed: own.failed + contract.failed,
      skipped: own.skipped + contract.skipped,
      failures: [...own.failures, ...contract.failures],
      skippedReasons: [],
    };
  } finally {
    await admin(venv.python, 'drop-db', POSTGRES_URL, database).catch(e =>
      log(`could not drop ${database}: ${e}`),
    );
    await admin(
      venv.python,
      'clean',
      REDIS_ADDRESS,
      String(databaseIndex),
      runPrefix,
    ).catch(e => log(`could not clean Redis: ${e}`));
  }
}

async function main() {
  const started = Date.now();
  const specs = argument('--spec')
    ? [path.resolve(argument('--spec')!)]
    : fs
        .readdirSync(path.join(ROOT, 'examples', 'specs'))
        .filter(f => f.endsWith('.yaml'))
        .sort()
        .map(f => path.join(ROOT, 'examples', 'specs', f));
  const total: StageResult = {
    passed: 0,
    failed: 0,
    skipped: 0,
    failures: [],
    skippedReasons: [],
  };
  const skipAll = (reason: string) => {
    total.skipped += specs.length;
    total.skippedReasons.push(`SKIPPED: runtime contract: ${reason}`);
  };

  const python = await run(BASE_PYTHON, [
    '-c',
    'import sys; print(sys.version_info >= (3, 11))',
  ]).catch(() => undefined);
  const tool = await detectKustomizeTool();
  if (!python || python.stdout.trim() !== 'True') {
    skipAll(`${BASE_PYTHON} is not Python 3.11 or newer (set RTC_PYTHON)`);
  } else if (!isKustomizeTool(tool)) {
    skipAll(tool.message);
  } else {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-contract-'));
    try {
      for (const specFile of specs) {
        const result = await checkSpec(specFile, tool, workDir).catch(
          error => ({
            passed: 0,
            failed: 1,
            skipped: 0,
            failures: [
              `${path.basename(specFile)}: ${
                error instanceof Error ? error.message : error
              }`,
            ],
            skippedReasons: [],
          }),
        );
        total.passed += result.passed;
        total.failed += result.failed;
        total.skipped += result.skipped;
        total.failures.push(...result.failures);
        total.skippedReasons.push(...result.skippedReasons);
      }
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  }

  console.log('');
  for (const reason of total.skippedReasons) console.log(reason);
  for (const failure of total.failures) console.log(`FAILED: ${failure}`);
  log(`stage took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const report = argument('--report');
  if (report) fs.writeFileSync(report, JSON.stringify(total));
  console.log(
    `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
  );
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main();
