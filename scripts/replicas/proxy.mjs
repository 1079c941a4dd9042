#!/usr/bin/env node
/**
 * A small round-robin HTTP and WebSocket proxy standing in for the load
 * balancer in front of several backend replicas (`yarn test:replicas`,
 * `yarn bench:load`). Each request and each WebSocket upgrade goes to the
 * next replica in turn; a replica that refuses connections is taken out of
 * the rotation for a while and the request tries the next one, as a load
 * balancer's health check would. Every response names the replica that
 * served it in `x-served-by`, so callers can measure per replica.
 *
 * Run alone: node scripts/replicas/proxy.mjs --port 7000 a=http://127.0.0.1:7101 b=http://127.0.0.1:7102
 */
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** How long a replica that refused a connection stays out of the rotation. */
const DOWN_FOR_MS = 5_000;

/**
 * Starts the proxy on 127.0.0.1.
 *
 * @param {{ name: string, url: string }[]} targets the replicas
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, counts: Record<string, { requests: number, upgrades: number }>, stop(): Promise<void> }>}
 */
export async function startRoundRobinProxy(targets, options = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const downUntil = new Map();
  const counts = Object.fromEntries(
    targets.map(t => [t.name, { requests: 0, upgrades: 0 }]),
  );
  let next = 0;

  /** The targets to try for one request, the next one in turn first. */
  function rotation() {
    const now = Date.now();
    const start = next++ % targets.length;
    const ordered = targets.map(
      (_, i) => targets[(start + i) % targets.length],
    );
    const up = ordered.filter(t => (downUntil.get(t.name) ?? 0) <= now);
    return up.length > 0 ? up : ordered;
  }

  function refused(error) {
    return ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(error.code);
  }

  const server = http.createServer((req, res) => {
    // Bodies are small here; buffering one lets a refused request go to the
    // next replica unchanged.
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const candidates = rotation();
      const attempt = index => {
        const target = candidates[index];
        const upstream = http.request(
          new URL(req.url, target.url),
          { method: req.method, headers: req.headers, agent },
          upstreamRes => {
            counts[target.name].requests += 1;
            res.writeHead(upstreamRes.statusCode, {
              ...upstreamRes.headers,
              'x-served-by': target.name,
            });
            upstreamRes.pipe(res);
          },
        );
        upstream.on('error', error => {
          if (!res.headersSent && refused(error)) {
            downUntil.set(target.name, Date.now() + DOWN_FOR_MS);
            if (index + 1 < candidates.length) {
              attempt(index + 1);
              return;
            }
          }
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'text/plain' });
          }
          res.end(`proxy: ${target.name}: ${error.message}\n`);
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const candidates = rotation();
    const attempt = index => {
      const target = candidates[index];
      const { hostname, port } = new URL(target.url);
      const upstream = net.connect(Number(port), hostname, () => {
        counts[target.name].upgrades += 1;
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        }
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', error => {
        if (refused(error) && upstream.bytesWritten === 0) {
          downUntil.set(target.name, Date.now() + DOWN_FOR_MS);
          if (index + 1 < candidates.length) {
            attempt(index + 1);
            return;
          }
        }
        socket.destroy();
      });
      socket.on('error', () => upstream.destroy());
      socket.on('close', () => upstream.destroy());
      upstream.on('close', () => socket.destroy());
    };
    attempt(0);
  });

  await new Promise(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    counts,
    stop: () =>
      new Promise(resolve => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string', default: '0' } },
    allowPositionals: true,
  });
  const targets = positionals.map(arg => {
    const [name, url] = arg.split('=');
    return { name, url };
  });
  const proxy = await startRoundRobinProxy(targets, {
    port: Number(values.port),
  });
  // The parent (the benchmark) reads the address from the first line, and
  // over IPC asks for the counts.
  process.stdout.write(`${proxy.url}\n`);
  process.on('message', message => {
    if (message === 'counts') process.send({ counts: proxy.counts });
  });
  const stop = () => proxy.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}
