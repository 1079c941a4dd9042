import { scaledObjectFixture as scaledObject } from '@worker-platform/plugin-worker-platform-test-utils';
import { reduceScaledObject } from './reduceScaledObject';

describe('reduceScaledObject', () => {
  it('keeps replicas bounds, conditions and one trigger per queue', () => {
    const summary = reduceScaledObject(scaledObject, 'prod-eu')!;
    expect(summary).toMatchObject({
      kind: 'ScaledObject',
      name: 'pingvasai-gpu-worker',
      namespace: 'pingvasai-production-worker',
      environment: 'production',
      component: 'worker',
      worker: 'gpu',
      scaleTarget: 'pingvasai-gpu-worker',
      minReplicas: 0,
      maxReplicas: 20,
      pausedByAnnotation: false,
      lastActiveTime: '2026-11-28T19:52:16Z',
      hpaName: 'keda-hpa-pingvasai-gpu-worker',
    });
    expect(summary.conditions.map(c => `${c.type}=${c.status}`)).toEqual([
      'Ready=True',
      'Active=False',
      'Fallback=False',
      'Paused=False',
    ]);
    expect(summary.triggers[0]).toEqual({
      queue: 'enterprise',
      metric: 's0-redis-enterprise',
      targetLength: 1,
      health: 'Happy',
    });
    expect(summary.triggers.map(t => t.queue)).toEqual([
      'enterprise',
      'studio',
      'pro',
      'starter',
      'free',
    ]);
  });

  it('sees both pause annotations', () => {
    for (const annotation of [
      { 'autoscaling.keda.sh/paused': 'true' },
      { 'autoscaling.keda.sh/paused-replicas': '0' },
    ]) {
      const paused = structuredClone(scaledObject) as any;
      paused.metadata.annotations = annotation;
      expect(reduceScaledObject(paused, 'c')!.pausedByAnnotation).toBe(true);
    }
  });

  it('reads a ScaledObject KEDA has not reconciled yet', () => {
    const fresh = structuredClone(scaledObject) as any;
    delete fresh.status;
    delete fresh.spec.maxReplicaCount;
    const summary = reduceScaledObject(fresh, 'c')!;
    expect(summary.maxReplicas).toBe(100);
    expect(summary.conditions).toEqual([]);
    expect(summary.triggers[0]).toMatchObject({
      metric: null,
      health: 'Unknown',
    });
  });
});
