/*
 * Runs the fake Kubernetes API server on its own, for demos and manual
 * testing: yarn workspace @worker-platform/plugin-worker-platform-test-utils
 * fake-cluster --port 6443 --scenario pingvasai (or --scenario demo to play
 * the looping demo timeline; --control-port to let e2e tests change it)
 */
import { applyScenario } from './applyScenario';
import { startControlServer } from './controlServer';
import {
  DEMO_LOOP_MS,
  pingvasaiDemoTimeline,
  playTimeline,
} from './demoTimeline';
import { startFakeArgoCdController } from './fakeArgoCdController';
import {
  FAKE_CLUSTER_USAGE,
  FakeClusterArgs,
  parseFakeClusterArgs,
} from './cliArgs';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';

async function main(args: FakeClusterArgs) {
  const server = await FakeKubernetesApiServer.start({
    port: args.port,
    token: args.token,
  });
  server.setLatency(args.latencyMs);
  // Syncs, terminations and refreshes requested from Backstage play out.
  const stopController = startFakeArgoCdController(server);
  let stopTimeline = () => {};
  if (args.scenario === 'demo') {
    const steps = pingvasaiDemoTimeline();
    stopTimeline = playTimeline(server, steps, {
      loopAfterMs: DEMO_LOOP_MS,
      onStep: step => process.stdout.write(`[demo cluster] ${step.caption}\n`),
      keep: object => object.kind === 'Application',
    });
  } else {
    applyScenario(server, args.scenario);
  }
  const control =
    args.controlPort === undefined
      ? undefined
      : await startControlServer(server, args.controlPort);
  if (control) {
    process.stdout.write(`Control endpoint: PUT ${control.url}/scenario\n`);
  }
  process.stdout.write(
    [
      `Fake Kubernetes API server on ${server.url} (bearer token ${args.token})`,
      'Point the backend at it in app-config:',
      '  kubernetes:',
      '    serviceLocatorMethod:',
      '      type: multiTenant',
      '    clusterLocatorMethods:',
      '      - type: config',
      '        clusters:',
      '          - name: demo-cluster',
      `            url: ${server.url}`,
      '            authProvider: serviceAccount',
      `            serviceAccountToken: ${args.token}`,
      '            skipTLSVerify: true # plain http',
      '',
    ].join('\n'),
  );
  const shutdown = () => {
    stopTimeline();
    stopController();
    Promise.all([server.stop(), control?.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

let parsed: FakeClusterArgs;
try {
  parsed = parseFakeClusterArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${FAKE_CLUSTER_USAGE}\n`);
  process.exit(2);
}
main(parsed).catch(error => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
