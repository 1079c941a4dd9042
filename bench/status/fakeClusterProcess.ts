/*
 * The benchmark's Kubernetes API: the fake server holding the whole fleet,
 * in its own process so that its CPU is not the measured server's. Talks to
 * the parent over IPC: sends { port, objects } when ready, answers
 * 'counts' with its request counters and 'reset' by zeroing them.
 */
import { FakeKubernetesApiServer } from '../../plugins/worker-platform-test-utils/src';
import { buildFleet } from './benchFleet';

async function main() {
  const services = Number(process.env.BENCH_SERVICES);
  const latencyMs = Number(process.env.BENCH_LATENCY_MS);
  const server = await FakeKubernetesApiServer.start({ token: 'bench-token' });
  for (const { objects, metrics } of buildFleet(services)) {
    objects.forEach(object => server.upsert(object));
    metrics.forEach(metric => server.setMetric(metric));
  }
  server.setLatency(latencyMs);
  process.on('message', message => {
    if (message === 'counts') process.send!({ counts: server.requestCounts });
    if (message === 'reset') {
      server.resetRequestCounts();
      process.send!({ reset: true });
    }
  });
  process.on('disconnect', () => server.stop().then(() => process.exit(0)));
  process.send!({ port: new URL(server.url).port });
}

main().catch(error => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
