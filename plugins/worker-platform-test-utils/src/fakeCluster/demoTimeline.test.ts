import { buildScenario } from './scenario';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import {
  DEMO_LOOP_MS,
  pingvasaiDemoTimeline,
  playTimeline,
} from './demoTimeline';

describe('pingvasaiDemoTimeline', () => {
  const steps = pingvasaiDemoTimeline();

  it('is in time order and every step is a buildable scenario', () => {
    expect(steps.map(s => s.atMs)).toEqual(
      [...steps.map(s => s.atMs)].sort((a, b) => a - b),
    );
    for (const step of steps) {
      expect(() => buildScenario(step.scenario)).not.toThrow();
    }
  });

  it('takes the production GPU pool from idle to its ceiling and back', () => {
    const gpuReplicas = steps.map(step => {
      const { objects } = buildScenario(step.scenario);
      const deployment = objects.find(
        o =>
          o.kind === 'Deployment' &&
          o.metadata.name === 'pingvasai-gpu-worker' &&
          o.metadata.namespace === 'pingvasai-production-worker',
      ) as any;
      return deployment.spec.replicas;
    });
    expect(gpuReplicas[0]).toBe(0);
    expect(Math.max(...gpuReplicas)).toBe(20);
    expect(gpuReplicas[gpuReplicas.length - 1]).toBe(0);
  });

  it('plays the whole cycle within the loop, at the ceiling long enough to show on an hour-wide chart', () => {
    const last = steps[steps.length - 1].atMs;
    expect(last).toBeLessThan(DEMO_LOOP_MS);
    const ceiling = steps.findIndex(step =>
      step.caption.includes('ceiling of 20'),
    );
    // At least a minute at 20 replicas: over 1/60 of the chart's width.
    expect(
      steps[ceiling + 1].atMs - steps[ceiling].atMs,
    ).toBeGreaterThanOrEqual(60_000);
  });

  it("keeps production one promotion behind staging, staging on development's commit", () => {
    for (const step of steps) {
      const revisionOf = (env: string, app: string) =>
        (
          buildScenario(step.scenario).objects.find(
            o =>
              o.kind === 'Application' &&
              o.metadata.name === `pingvasai-${env}-${app}`,
          )!.status as any
        ).sync.revision;
      expect(revisionOf('staging', 'api')).toBe(
        revisionOf('development', 'api'),
      );
      expect(revisionOf('staging', 'workers')).toBe(
        revisionOf('development', 'api'),
      );
      expect(revisionOf('production', 'api')).not.toBe(
        revisionOf('staging', 'api'),
      );
    }
  });
});

describe('playTimeline', () => {
  it('applies each step at its time and stops when asked', async () => {
    jest.useFakeTimers();
    const server = { upsert: jest.fn(), setMetric: jest.fn() };
    const played: string[] = [];
    const stop = playTimeline(
      server as unknown as FakeKubernetesApiServer,
      pingvasaiDemoTimeline(),
      { loopAfterMs: DEMO_LOOP_MS, onStep: step => played.push(step.caption) },
    );
    jest.advanceTimersByTime(0);
    expect(played).toHaveLength(1);
    jest.advanceTimersByTime(DEMO_LOOP_MS);
    expect(played).toHaveLength(5);
    jest.advanceTimersByTime(1);
    expect(played).toHaveLength(6); // the loop starts over
    stop();
    jest.advanceTimersByTime(2 * DEMO_LOOP_MS);
    expect(played).toHaveLength(6);
    expect(server.upsert).toHaveBeenCalled();
    jest.useRealTimers();
  });
});

describe('playTimeline with keep', () => {
  it('creates kept objects once and never overwrites them', async () => {
    jest.useFakeTimers();
    const server = await FakeKubernetesApiServer.start();
    const ref = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      namespace: 'argocd',
      name: 'pingvasai-production-api',
    };
    const stop = playTimeline(server, pingvasaiDemoTimeline(), {
      keep: object => object.kind === 'Application',
    });
    jest.advanceTimersByTime(0);
    expect((server.get(ref)!.status as any).sync.status).toBe('OutOfSync');
    server.update(ref, object => {
      (object.status as any).sync.status = 'Synced';
    });
    jest.advanceTimersByTime(DEMO_LOOP_MS - 1);
    expect((server.get(ref)!.status as any).sync.status).toBe('Synced');
    stop();
    jest.useRealTimers();
    await server.stop();
  });
});
