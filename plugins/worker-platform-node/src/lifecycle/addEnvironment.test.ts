import { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { addEnvironment } from './addEnvironment';
import { loadExampleSpec } from './__testUtils__/testRepositories';

describe('addEnvironment', () => {
  let spec: WorkerPlatformSpec;
  beforeAll(async () => {
    spec = await loadExampleSpec('pingvasai');
  });

  it('copies autoSync, cluster and overrides, and derives branch and namespaces from the name', () => {
    const result = addEnvironment(spec, {
      name: 'perf',
      copyFrom: 'production',
      overrides: { workers: { gpu: { scaling: { min: 1 } } } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.environment).toEqual({
      name: 'perf',
      branch: 'perf',
      autoSync: false,
      cluster: 'https://kubernetes.default.svc',
      namespaces: {
        service: 'pingvasai-perf-service',
        worker: 'pingvasai-perf-worker',
      },
      overrides: {
        api: { replicas: 5 },
        workers: { gpu: { scaling: { max: 20, min: 1 } } },
      },
    });
    expect(result.spec.spec.environments.map(e => e.name)).toEqual([
      'development',
      'staging',
      'production',
      'perf',
    ]);
    expect(spec.spec.environments).toHaveLength(3);
  });

  it('takes the fields it is given over the copied ones', () => {
    const result = addEnvironment(spec, {
      name: 'qa',
      copyFrom: 'staging',
      branch: 'release/qa',
      autoSync: false,
    });
    expect(result).toMatchObject({
      ok: true,
      environment: { branch: 'release/qa', autoSync: false },
    });
  });

  it.each([
    [{ name: 'staging' }, 'name', 'environment "staging" already exists'],
    [
      { name: 'qa', copyFrom: 'stagng' },
      'copyFrom',
      'no environment named "stagng"; the service has development, staging, production',
    ],
    [
      { name: 'qa', namespaces: { service: 'pingvasai-staging-service' } },
      'namespaces.service',
      'service namespace "pingvasai-staging-service" is already used by environment "staging" (service); each environment needs its own namespaces',
    ],
    [
      { name: 'a'.repeat(60) },
      'name',
      expect.stringMatching(/characters long; Kubernetes allows 63/),
    ],
    [
      { name: 'qa', overrides: { workers: { gpus: { concurrency: 2 } } } },
      'overrides.workers.gpus',
      'no worker pool named "gpus"; did you mean "gpu"?',
    ],
    [{ name: 'QA' }, 'name', expect.stringMatching(/DNS label/)],
  ])('rejects %j on the field it names', (addition, field, message) => {
    expect(addEnvironment(spec, addition)).toEqual({
      ok: false,
      errors: expect.arrayContaining([{ field, message }]),
    });
  });
});
