/*
 * The load generator of `yarn bench:load`, in its own process so that its
 * CPU is not the measured servers'. Open loop: request i is due at
 * start + i / rate whether or not earlier ones have answered, and its
 * latency counts from that due time, so a server that falls behind shows
 * its queue in the figures instead of slowing the generator down
 * (coordinated omission). Holds `signals` Signals connections through the
 * proxy, subscribed to the entity's status channel, for the whole run.
 *
 * Reads its task from BENCH_* variables; sends { ready } once the
 * connections are open, then on 'go' runs and sends { result }.
 */
import http from 'node:http';

const target = new URL(process.env.BENCH_URL);
const token = process.env.BENCH_TOKEN;
const rate = Number(process.env.BENCH_RATE);
const durationMs = Number(process.env.BENCH_DURATION_MS);
const signalCount = Number(process.env.BENCH_SIGNALS);
const path = process.env.BENCH_PATH;
const channel = process.env.BENCH_CHANNEL;
const TIMEOUT_MS = 10_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

async function openSignals() {
  const url = new URL('/api/signals', target);
  url.protocol = 'ws:';
  const sockets = [];
  let messages = 0;
  let closed = 0;
  // A few at a time, as browsers arriving would.
  for (let i = 0; i < signalCount; i += 50) {
    const batch = Array.from(
      { length: Math.min(50, signalCount - i) },
      () =>
        new Promise((resolve, reject) => {
          const socket = new WebSocket(url, token);
          socket.onopen = () => {
            socket.send(JSON.stringify({ action: 'subscribe', channel }));
            resolve(socket);
          };
          socket.onerror = () => reject(new Error('Signals connection failed'));
          socket.onmessage = () => {
            messages += 1;
          };
          socket.onclose = () => {
            closed += 1;
          };
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return {
    stats: () => ({ open: sockets.length - closed, messages, closed }),
    close: () => sockets.forEach(socket => socket.close()),
  };
}

// A view not answered within TIMEOUT_MS of its due time is an error, as
// for a browser that gave up; it is abandoned even while still queued for a
// connection, so an overloaded run ends on time and counts its failures.
function view(dueAt, onDone) {
  let done = false;
  const finish = (status, replica) => {
    if (done) return;
    done = true;
    clearTimeout(deadline);
    onDone(status, replica);
  };
  const deadline = setTimeout(() => {
    finish(0, '?');
    req.destroy();
  }, Math.max(0, dueAt + TIMEOUT_MS - performance.now()));
  const req = http.get(
    {
      host: target.hostname,
      port: target.port,
      path,
      agent,
      headers: { authorization: `Bearer ${token}` },
    },
    res => {
      res.resume();
      res.on('end', () =>
        finish(res.statusCode, res.headers['x-served-by'] ?? '?'),
      );
    },
  );
  req.on('error', () => finish(0, '?'));
}

async function run() {
  const byReplica = new Map();
  const record = (replica, latencyMs, ok) => {
    let entry = byReplica.get(replica);
    if (!entry) {
      entry = { latencies: [], errors: 0 };
      byReplica.set(replica, entry);
    }
    if (ok) entry.latencies.push(latencyMs);
    else entry.errors += 1;
  };
  const total = Math.floor((rate * durationMs) / 1000);
  let sent = 0;
  let answered = 0;
  const start = performance.now();
  await new Promise(resolve => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) * rate) / 1000));
      for (; sent < due; sent += 1) {
        const dueAt = start + (sent * 1000) / rate;
        view(dueAt, (status, replica) => {
          record(replica, performance.now() - dueAt, status === 200);
          answered += 1;
          if (answered === total) resolve();
        });
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsedS = (performance.now() - start) / 1000;
  const replicas = {};
  for (const [replica, { latencies, errors }] of byReplica) {
    latencies.sort((a, b) => a - b);
    const at = q =>
      latencies.length
        ? latencies[
            Math.min(latencies.length - 1, Math.floor(q * latencies.length))
          ]
        : NaN;
    replicas[replica] = {
      ok: latencies.length,
      errors,
      p50: at(0.5),
      p99: at(0.99),
      max: latencies[latencies.length - 1] ?? NaN,
    };
  }
  return { total, elapsedS, replicas };
}

const signals = await openSignals();
process.send({ ready: signals.stats() });
process.on('message', async message => {
  if (message !== 'go') return;
  const result = await run();
  process.send({ result: { ...result, signals: signals.stats() } });
  signals.close();
  agent.destroy();
  setTimeout(() => process.exit(0), 200);
});
