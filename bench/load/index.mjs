#!/usr/bin/env node
/**
 * `yarn bench:load`: status views at fixed rates, open loop, against two
 * backend replicas behind the round-robin proxy and, for comparison, one
 * replica behind the same proxy; 500 Signals connections stay open
 * throughout, and the fake cluster changes every 10 s so that each change
 * is pushed to all of them. Per replica count and rate: p50/p99 and errors
 * per replica, Signals messages received, and each replica's RSS over the
 * run with its trend (least-squares slope). Prints a table.
 *
 * BENCH_LOAD_SECONDS (300) per rate, BENCH_LOAD_RATES (25,50) views/s —
 * what a 2-core machine sustains: each view is four requests inside the
 * replica (the route, the catalog read, two permission checks) —
 * BENCH_LOAD_SIGNALS (500), BENCH_LOAD_REPLICAS (2,1). Needs PostgreSQL as
 * `yarn test:replicas` does; each replica count gets a fresh database.
 */
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as harness from '../../scripts/replicas/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 300);
const rates = (process.env.BENCH_LOAD_RATES ?? '25,50').split(',').map(Number);
const signalCount = Number(process.env.BENCH_LOAD_SIGNALS ?? 500);
const replicaCounts = (process.env.BENCH_LOAD_REPLICAS ?? '2,1')
  .split(',')
  .map(Number);
const ENTITY_REF = 'component:default/pingvasai';
const STATUS_PATH = '/api/worker-platform/status/component/default/pingvasai';
const RSS_EVERY_MS = 5_000;
const CHANGE_EVERY_MS = 10_000;

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
}

/** Least-squares slope of MB over minutes. */
function slopePerMinute(samples) {
  const n = samples.length;
  if (n < 2) return NaN;
  const xs = samples.map(s => s.t / 60_000);
  const ys = samples.map(s => s.mb);
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = ys.reduce((a, b) => a + b) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

async function startProxy(port, replicas, logDir) {
  const child = spawn(
    process.execPath,
    [
      path.join(harness.ROOT, 'scripts/replicas/proxy.mjs'),
      '--port',
      String(port),
      ...replicas.map(r => `${r.name}=${r.url}`),
    ],
    {
      stdio: [
        'ignore',
        'pipe',
        fs.openSync(path.join(logDir, 'proxy.log'), 'w'),
        'ipc',
      ],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', code => reject(new Error(`proxy exited ${code}`)));
  });
  return {
    pid: child.pid,
    stop: () =>
      new Promise(resolve => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function runRate({ url, token, rate, replicas, proxy, cluster }) {
  const generator = fork(path.join(here, 'generator.mjs'), [], {
    env: {
      ...process.env,
      BENCH_URL: url,
      BENCH_TOKEN: token,
      BENCH_RATE: String(rate),
      BENCH_DURATION_MS: String(seconds * 1000),
      BENCH_SIGNALS: String(signalCount),
      BENCH_PATH: STATUS_PATH,
      BENCH_CHANNEL: `worker-platform:status:${ENTITY_REF}`,
    },
  });
  const ready = await new Promise((resolve, reject) => {
    generator.once('message', message => resolve(message.ready));
    generator.once('exit', code =>
      reject(new Error(`generator exited ${code}`)),
    );
  });
  const rss = Object.fromEntries(replicas.map(r => [r.name, []]));
  rss.proxy = [];
  const started = Date.now();
  const sample = () => {
    const t = Date.now() - started;
    for (const replica of replicas) {
      if (replica.isAlive())
        rss[replica.name].push({ t, mb: rssMb(replica.child.pid) });
    }
    rss.proxy.push({ t, mb: rssMb(proxy.pid) });
  };
  sample();
  const sampler = setInterval(sample, RSS_EVERY_MS);
  // A GPU pool scaling up and down: every change is a status signal to all
  // open connections (and a history point).
  let step = 0;
  const changer = setInterval(() => {
    step += 1;
    const replicasNow = step % 2 === 0 ? 1 : 4;
    cluster
      .putScenario(
        harness.pingvasaiScenario({
          production: {
            workers: { gpu: { replicas: replicasNow, ready: replicasNow } },
          },
        }),
      )
      .catch(error => console.error(`cluster change: ${error.message}`));
  }, CHANGE_EVERY_MS);
  const result = await new Promise(resolve => {
    generator.on(
      'message',
      message => message.result && resolve(message.result),
    );
    generator.send('go');
  });
  clearInterval(sampler);
  clearInterval(changer);
  sample();
  return { rate, ready, result, rss, changes: step };
}

async function runVariant(replicaCount, cluster, logDir) {
  const database = await harness.createDatabase('wp_bench_load');
  const replicas = [];
  try {
    const proxyPort = await harness.freePort();
    const publicUrl = `http://127.0.0.1:${proxyPort}`;
    for (const name of ['a', 'b', 'c'].slice(0, replicaCount)) {
      replicas.push(
        await harness.startReplica({
          name,
          database: database.name,
          publicUrl,
          clusterUrl: cluster.url,
          logDir: fs.mkdtempSync(path.join(logDir, `r${replicaCount}-`)),
        }),
      );
    }
    const proxy = await startProxy(proxyPort, replicas, logDir);
    try {
      const token = await harness.signInAsGuest(publicUrl);
      for (const replica of replicas) {
        const deadline = Date.now() + 120_000;
        for (;;) {
          const res = await fetch(`${replica.url}${STATUS_PATH}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (res.status === 200) break;
          if (Date.now() > deadline)
            throw new Error(`replica ${replica.name}: ${res.status}`);
          await new Promise(resolve => setTimeout(resolve, 1000));
        }
      }
      const runs = [];
      for (const rate of rates) {
        process.stdout.write(
          `${replicaCount} replica(s), ${rate} views/s, ${seconds} s, ${signalCount} Signals connections… `,
        );
        const run = await runRate({
          url: publicUrl,
          token,
          rate,
          replicas,
          proxy,
          cluster,
        });
        process.stdout.write(
          `done (load average ${os.loadavg()[0].toFixed(1)})\n`,
        );
        runs.push(run);
      }
      return runs;
    } finally {
      await proxy.stop();
    }
  } finally {
    for (const replica of replicas) await replica.stop();
    await database.drop();
  }
}

function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function printTable(variants) {
  const rows = [
    [
      'replicas',
      'views/s asked',
      'views/s sent',
      'replica',
      'views',
      'errors',
      'p50 ms',
      'p99 ms',
      'RSS MB start → end',
      'RSS trend MB/min',
      'Signals open / messages',
    ],
  ];
  for (const [replicaCount, runs] of variants) {
    for (const { rate, result, rss, ready } of runs) {
      const names = Object.keys(result.replicas).sort();
      for (const name of names) {
        const r = result.replicas[name];
        const samples = rss[name] ?? [];
        rows.push([
          String(replicaCount),
          String(rate),
          fmt(result.total / result.elapsedS, 0),
          name === '?' ? 'none' : name,
          String(r.ok),
          String(r.errors),
          fmt(r.p50),
          fmt(r.p99),
          samples.length
            ? `${fmt(samples[0].mb, 0)} → ${fmt(
                samples[samples.length - 1].mb,
                0,
              )}`
            : '—',
          fmt(slopePerMinute(samples.slice(Math.floor(samples.length / 5))), 2),
          name === names[0]
            ? `${result.signals.open}/${ready.open} / ${result.signals.messages}`
            : '',
        ]);
      }
    }
  }
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map(row => row[i].length)),
  );
  const line = row =>
    `| ${row
      .map((cell, i) =>
        i < 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`);
  rows.slice(1).forEach(row => console.log(line(row)));
}

/** RSS per replica at each whole minute of each run: the trend, as figures. */
function printRssSeries(variants) {
  console.log('\nRSS MB at each minute of each run:');
  for (const [replicaCount, runs] of variants) {
    for (const { rate, rss } of runs) {
      for (const [name, samples] of Object.entries(rss)) {
        const perMinute = [];
        for (const sample of samples) {
          const minute = Math.floor(sample.t / 60_000);
          if (perMinute[minute] === undefined) perMinute[minute] = sample.mb;
        }
        const last = samples[samples.length - 1];
        console.log(
          `  ${replicaCount} replica(s), ${rate} views/s, ${name.padEnd(
            5,
          )}: ${perMinute.map(mb => fmt(mb, 0)).join(' → ')} → ${fmt(
            last?.mb,
            0,
          )} (end)`,
        );
      }
    }
  }
}

async function main() {
  // --print results.json: the tables of an earlier run.
  if (process.argv[2] === '--print') {
    const variants = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
    printTable(variants);
    printRssSeries(variants);
    return;
  }
  const unavailable = await harness.postgresUnavailable();
  if (unavailable) {
    console.log(`SKIPPED: load benchmark: ${unavailable}`);
    return;
  }
  const logDir = harness.logDirectory('worker-platform-bench-load');
  console.log(
    `Logs: ${logDir}; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
  const cluster = await harness.startFakeCluster({
    scenario: harness.pingvasaiScenario(),
    logDir,
  });
  const variants = [];
  try {
    for (const count of replicaCounts) {
      variants.push([count, await runVariant(count, cluster, logDir)]);
    }
  } finally {
    await cluster.stop();
  }
  fs.writeFileSync(
    path.join(logDir, 'results.json'),
    JSON.stringify(variants, null, 2),
  );
  console.log('');
  printTable(variants);
  printRssSeries(variants);
  console.log(
    `\nRSS trend: least-squares slope over the last 80 % of each run (samples every ${
      RSS_EVERY_MS / 1000
    } s); series in ${logDir}/results.json`,
  );
}

await main();
