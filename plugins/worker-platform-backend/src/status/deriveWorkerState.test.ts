import { StatusCondition } from '@worker-platform/plugin-worker-platform-common';
import { WorkerStateInput, deriveWorkerState } from './deriveWorkerState';

const kedaConditions = (
  statuses: Partial<Record<'Ready' | 'Active' | 'Fallback' | 'Paused', string>>,
): StatusCondition[] =>
  Object.entries({
    Ready: 'True',
    Active: 'False',
    Fallback: 'False',
    Paused: 'False',
    ...statuses,
  }).map(([type, status]) => ({ type, status }));

const idlePool: WorkerStateInput = {
  pausedByAnnotation: false,
  conditions: kedaConditions({}),
  triggerHealth: ['Happy', 'Happy'],
  replicas: 0,
  maxReplicas: 8,
  hpaConditions: [
    { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled' },
  ],
};

describe('deriveWorkerState', () => {
  it.each<[string, Partial<WorkerStateInput>, string]>([
    ['Ready, not Active, at zero', {}, 'idle'],
    [
      'Active with replicas',
      { conditions: kedaConditions({ Active: 'True' }), replicas: 3 },
      'active',
    ],
    [
      'Active while still at zero (scaling up from idle)',
      { conditions: kedaConditions({ Active: 'True' }) },
      'active',
    ],
    [
      'replicas above zero after the queue drained (cooldown)',
      { replicas: 1 },
      'active',
    ],
    [
      'at its maximum',
      { conditions: kedaConditions({ Active: 'True' }), replicas: 8 },
      'at-max',
    ],
    [
      'HPA limited by TooManyReplicas',
      {
        replicas: 7,
        hpaConditions: [
          { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas' },
        ],
      },
      'at-max',
    ],
    [
      'paused by annotation',
      { pausedByAnnotation: true, replicas: 2 },
      'paused',
    ],
    [
      'paused by condition',
      { conditions: kedaConditions({ Paused: 'True' }) },
      'paused',
    ],
    [
      'fallback',
      {
        conditions: kedaConditions({ Fallback: 'True' }),
        triggerHealth: ['Failing'],
        replicas: 2,
      },
      'fallback',
    ],
    ['a failing trigger', { triggerHealth: ['Happy', 'Failing'] }, 'failing'],
    [
      'Ready False',
      { conditions: kedaConditions({ Ready: 'False' }) },
      'failing',
    ],
    [
      'no status yet',
      { conditions: [], triggerHealth: ['Unknown'] },
      'unknown',
    ],
    [
      'Ready Unknown',
      { conditions: kedaConditions({ Ready: 'Unknown' }) },
      'unknown',
    ],
  ])('%s', (_, change, expected) => {
    expect(deriveWorkerState({ ...idlePool, ...change })).toBe(expected);
  });

  it('reports paused before failing triggers, which a paused pool does not poll', () => {
    expect(
      deriveWorkerState({
        ...idlePool,
        pausedByAnnotation: true,
        triggerHealth: ['Failing'],
      }),
    ).toBe('paused');
  });
});
