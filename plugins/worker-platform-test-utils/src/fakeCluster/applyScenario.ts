import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { BuildScenarioOptions, FakeScenario, buildScenario } from './scenario';
import pingvasai from '../__fixtures__/scenarios/pingvasai.json';

/**
 * The example service of this repository (examples/specs/pingvasai.yaml) in
 * three environments: development idle, staging with a busy GPU pool and a
 * failing trigger, production mid-sync with the GPU pool scaled up, api-relay
 * idle at zero and the system pool paused.
 */
export const pingvasaiScenario: FakeScenario = pingvasai as FakeScenario;

/**
 * Puts a scenario into a fake server: upserts its objects (unchanged ones
 * cause no watch event) and sets its queue lengths. Apply a changed scenario
 * again to play the next step of a demo.
 */
export function applyScenario(
  server: FakeKubernetesApiServer,
  scenario: FakeScenario,
  options?: BuildScenarioOptions,
): void {
  const { objects, metrics } = buildScenario(scenario, options);
  objects.forEach(object => server.upsert(object));
  metrics.forEach(metric => server.setMetric(metric));
}
