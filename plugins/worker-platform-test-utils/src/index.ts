/**
 * Test utilities: a fake Kubernetes API server speaking real list/watch HTTP,
 * with real-shaped ArgoCD and KEDA scenarios, for tests, e2e runs and demos;
 * fast-check arbitraries of valid and broken specs for property tests.
 *
 * @packageDocumentation
 */

export {
  DEFAULT_FAKE_RESOURCES,
  FakeKubernetesApiServer,
} from './fakeCluster/FakeKubernetesApiServer';
export type {
  FakeKubernetesApiServerOptions,
  FakeObjectChange,
} from './fakeCluster/FakeKubernetesApiServer';
export { PATCH_CONTENT_TYPES } from './fakeCluster/patch';
export type {
  FakeExternalMetric,
  FakeKubernetesObject,
  FakeObjectRef,
  FakePatchRecord,
  FakeRequestKind,
} from './fakeCluster/types';
export { buildScenario } from './fakeCluster/scenario';
export type {
  BuildScenarioOptions,
  FakeApplicationScenario,
  FakeEnvironmentScenario,
  FakeScenario,
  FakeScenarioObjects,
  FakeWorkerScenario,
} from './fakeCluster/scenario';
export { applyScenario, pingvasaiScenario } from './fakeCluster/applyScenario';
export {
  DEMO_LOOP_MS,
  pingvasaiDemoTimeline,
  playTimeline,
} from './fakeCluster/demoTimeline';
export type { DemoStep } from './fakeCluster/demoTimeline';
export { startControlServer } from './fakeCluster/controlServer';
export * from './fixtures';
export { createPolicyPermissionsService } from './policyPermissions';
export type { PolicyPermissionsServiceOptions } from './policyPermissions';
export {
  specCorruption,
  validSpecDocument,
  YAML_1_1_BOOLEAN_WORDS,
} from './specArbitraries';
export type { SpecCorruption } from './specArbitraries';
export { demoSpecDefaults, repositoryRootPath } from './repositoryFiles';
export {
  pingvasaiArgoCdObjects,
  pingvasaiNotificationsConfigMap,
} from './renderedRegistration';
