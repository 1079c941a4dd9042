import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pingvasaiScenario } from './applyScenario';
import { FakeScenario } from './scenario';

/** What the fake-cluster command was asked to do. */
export interface FakeClusterArgs {
  port: number;
  token: string;
  latencyMs: number;
  /** A fixed scenario, or `demo` to play the looping demo timeline. */
  scenario: FakeScenario | 'demo';
  /** Port of the control endpoint (`PUT /scenario`), for e2e tests; none when undefined. */
  controlPort?: number;
}

/** The token the demo and e2e configuration use unless told otherwise. */
export const DEFAULT_FAKE_TOKEN = 'fake-cluster-token';

const BUILT_IN_SCENARIOS: Record<string, FakeScenario> = {
  pingvasai: pingvasaiScenario,
};

/** Usage text of the fake-cluster command. */
export const FAKE_CLUSTER_USAGE = `Usage: fake-cluster [--port 6443] [--token ${DEFAULT_FAKE_TOKEN}] [--latency 0] [--scenario pingvasai|demo|FILE.json] [--control-port PORT]`;

function parsePort(option: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--${option}: must be a port number, got ${value}`);
  }
  return port;
}

/** Parses the command line; throws naming the option that is wrong. */
export function parseFakeClusterArgs(argv: string[]): FakeClusterArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '6443' },
      token: { type: 'string', default: DEFAULT_FAKE_TOKEN },
      latency: { type: 'string', default: '0' },
      scenario: { type: 'string', default: 'pingvasai' },
      'control-port': { type: 'string' },
    },
    strict: true,
  });
  const port = parsePort('port', values.port!);
  const controlPort =
    values['control-port'] === undefined
      ? undefined
      : parsePort('control-port', values['control-port']);
  const latencyMs = Number(values.latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(`--latency: must be milliseconds, got ${values.latency}`);
  }
  const name = values.scenario!;
  if (name === 'demo') {
    return {
      port,
      token: values.token!,
      latencyMs,
      scenario: 'demo',
      controlPort,
    };
  }
  let scenario = BUILT_IN_SCENARIOS[name];
  if (!scenario) {
    if (!name.endsWith('.json')) {
      throw new Error(
        `--scenario: must be ${[
          ...Object.keys(BUILT_IN_SCENARIOS),
          'demo',
        ].join(', ')} or a .json file, got ${name}`,
      );
    }
    scenario = JSON.parse(readFileSync(name, 'utf8'));
  }
  return { port, token: values.token!, latencyMs, scenario, controlPort };
}
