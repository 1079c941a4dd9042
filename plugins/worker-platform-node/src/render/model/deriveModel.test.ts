import { deriveModel } from './deriveModel';
import { exampleSpec, parseOrThrow } from '../__testUtils__/testSpecs';

describe('deriveModel', () => {
  const model = deriveModel(exampleSpec('pingvasai'));
  const env = (name: string) => model.environments.find(e => e.name === name)!;

  it('watches the Redis key Celery really uses, not celery:queue:<q>', () => {
    const gpu = model.pools.find(p => p.name === 'gpu')!;
    expect(gpu.queues.map(q => [q.redisKey, q.targetLength])).toEqual([
      ['enterprise', 1],
      ['studio', 2],
      ['pro', 3],
      ['starter', 5],
      ['free', 10],
    ]);
  });

  it('puts the broker key prefix in front of every queue key', () => {
    const large = deriveModel(exampleSpec('large'));
    expect(large.pools[0].queues[0].redisKey).toBe(
      'mediaforge:render.priority',
    );
  });

  it('applies environment overrides on top of the pool and API settings', () => {
    expect(env('production').api.replicas).toBe(5);
    expect(env('development').api.replicas).toBe(1);
    expect(env('staging').api.replicas).toBe(3);
    const gpuMax = (e: string) =>
      env(e).pools.find(p => p.name === 'gpu')!.scaling.max;
    expect([
      gpuMax('development'),
      gpuMax('staging'),
      gpuMax('production'),
    ]).toEqual([2, 8, 20]);
    expect(
      env('production').pools.find(p => p.name === 'gpu')!.scaling.min,
    ).toBe(0);
  });

  it('merges partial resource overrides key by key', () => {
    const large = deriveModel(exampleSpec('large'));
    const render = large.environments
      .find(e => e.name === 'production')!
      .pools.find(p => p.name === 'render')!;
    expect(render.resources.limits).toEqual({ cpu: '4000m', memory: '24Gi' });
  });

  it('names Applications and overlays per environment', () => {
    expect(env('production').applications).toEqual({
      api: 'pingvasai-production-api',
      workers: 'pingvasai-production-workers',
    });
    expect(env('production').overlays).toEqual({
      service: 'k8s/overlays/production/service-ns',
      worker: 'k8s/overlays/production/worker-ns',
      images: 'k8s/overlays/production/images',
    });
  });

  it('turns pool names into importable Python modules', () => {
    const relay = model.pools.find(p => p.name === 'api-relay')!;
    expect(relay.module).toBe('api_relay');
    expect(relay.celeryApp).toBe('workers.api_relay.tasks');
  });

  it('gives each environment its ConfigMap entries, overrides last', () => {
    const large = deriveModel(exampleSpec('large'));
    const perf = large.environments.find(e => e.name === 'perf')!;
    expect(perf.config.map(c => c.key)).toEqual([
      'ENVIRONMENT',
      'LOAD_TEST',
      'REDIS_ADDRESS',
    ]);
    expect(perf.config.find(c => c.key === 'REDIS_ADDRESS')?.value).toBe(
      'mediaforge-redis.mediaforge-perf-worker.svc.cluster.local:6379',
    );
  });

  it('keeps the spec host for production and prefixes it elsewhere', () => {
    expect(env('production').host).toBe('api.pingvasai.com');
    expect(env('staging').host).toBe('staging.api.pingvasai.com');
  });

  it('groups environments by the branch they deploy from', () => {
    const large = deriveModel(exampleSpec('large'));
    const staging = large.branches.find(b => b.branch === 'staging')!;
    expect(staging.environments.map(e => e.name)).toEqual(['staging', 'perf']);
  });

  it('tells how CI logs in to the registry', () => {
    expect(model.registryKind).toBe('ecr');
    expect(deriveModel(exampleSpec('large')).registryKind).toBe('ghcr');
    const other = parseOrThrow(`
apiVersion: worker-platform.io/v1alpha1
kind: WorkerPlatform
metadata: { name: x, owner: user:default/jane }
spec:
  registry: registry.example.com:5000/team
  workers: [{ name: w, queues: [{ name: q }] }]
  environments: [{ name: production }]
`);
    expect(deriveModel(other)).toMatchObject({
      registryKind: 'other',
      registryHost: 'registry.example.com:5000',
      ownerGroup: undefined,
    });
    expect(model.ownerGroup).toBe('platform');
  });
});
