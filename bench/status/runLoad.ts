import http from 'node:http';

/** What one load run measured. */
export interface LoadResult {
  views: number;
  errors: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/**
 * `clients` concurrent loops, each fetching `<url>/<random name>` one after
 * another, for `durationMs` or until `views` responses in total.
 */
export async function runLoad(options: {
  url: string;
  names: string[];
  clients: number;
  durationMs: number;
  views?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  // Plain http with keep-alive: far less client CPU than fetch, so the
  // numbers say more about the server.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.clients,
  });
  const get = (url: string) =>
    new Promise<number>((done, fail) => {
      http
        .get(url, { agent }, response => {
          response.resume();
          response.on('end', () => done(response.statusCode ?? 0));
        })
        .on('error', fail);
    });
  const begin = performance.now();
  const deadline = begin + options.durationMs;
  const more = () =>
    options.views !== undefined
      ? started < options.views
      : performance.now() < deadline;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (more()) {
        const name =
          options.views !== undefined
            ? options.names[started % options.names.length]
            : options.names[Math.floor(Math.random() * options.names.length)];
        started++;
        const t0 = performance.now();
        const status = await get(`${options.url}/${name}`).catch(() => 0);
        if (status === 200) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - begin) / 1000;
  agent.destroy();
  return {
    views: latencies.length + errors,
    errors,
    ...percentiles(latencies),
    perSecond: latencies.length / elapsed,
  };
}

/** The median and 99th percentile of some durations. */
export function percentiles(durations: number[]): { p50: number; p99: number } {
  const sorted = [...durations].sort((x, y) => x - y);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
