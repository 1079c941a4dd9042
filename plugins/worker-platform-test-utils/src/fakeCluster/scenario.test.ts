import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pingvasaiScenario } from './applyScenario';
import { buildScenario } from './scenario';

const now = new Date('2026-11-28T21:00:00Z');

describe('buildScenario', () => {
  it('plays the example spec of this repository, not a copy that drifted', () => {
    const example = parseSpec(
      readFileSync(
        resolve(__dirname, '../../../../examples/specs/pingvasai.yaml'),
        'utf8',
      ),
    );
    const scenario = parseSpec(JSON.stringify(pingvasaiScenario.spec));
    expect(example.ok && scenario.ok).toBe(true);
    expect(scenario).toEqual(example);
  });

  it('builds every object of every environment with the contract labels', () => {
    const { objects, metrics } = buildScenario(pingvasaiScenario, { now });
    // Per environment: 2 Applications, API Deployment + HPA, and per pool a
    // Deployment, ScaledObject and KEDA's HPA.
    expect(objects).toHaveLength(3 * (2 + 2 + 3 * 3));
    expect(metrics).toHaveLength(3 * 7);
    for (const object of objects) {
      expect(object.metadata.labels).toMatchObject({
        'backstage.io/kubernetes-id': 'pingvasai',
        'worker-platform.io/environment': expect.any(String),
        'worker-platform.io/component': expect.stringMatching(/^(api|worker)$/),
      });
      // Real-shaped: the bulk a watch cache must drop is there.
      expect(object.metadata.managedFields).toBeDefined();
    }
  });

  it('shapes KEDA objects after the pool state', () => {
    const { objects, metrics } = buildScenario(pingvasaiScenario, { now });
    const find = (kind: string, namespace: string, name: string) =>
      objects.find(
        o =>
          o.kind === kind &&
          o.metadata.namespace === namespace &&
          o.metadata.name === name,
      ) as any;
    const paused = find(
      'ScaledObject',
      'pingvasai-production-worker',
      'pingvasai-system-worker',
    );
    expect(paused.metadata.annotations['autoscaling.keda.sh/paused']).toBe(
      'true',
    );
    expect(paused.metadata.finalizers).toEqual(['finalizer.keda.sh']);
    const idleHpa = find(
      'HorizontalPodAutoscaler',
      'pingvasai-production-worker',
      'keda-hpa-pingvasai-api-relay-worker',
    );
    expect(idleHpa.status.conditions[1]).toMatchObject({
      type: 'ScalingActive',
      reason: 'ScalingDisabled',
    });
    const running = find('Application', 'argocd', 'pingvasai-production-api');
    expect(running.status.operationState).toMatchObject({
      phase: 'Running',
      startedAt: now.toISOString(),
    });
    expect(running.status.operationState.finishedAt).toBeUndefined();
    expect(metrics).toContainEqual({
      namespace: 'pingvasai-production-worker',
      scaledObject: 'pingvasai-gpu-worker',
      metric: 's4-redis-free',
      value: 31,
    });
  });

  it('refuses an invalid spec, naming the field', () => {
    expect(() => buildScenario({ spec: { kind: 'WorkerPlatform' } })).toThrow(
      /invalid scenario spec: .*apiVersion/,
    );
  });
});
