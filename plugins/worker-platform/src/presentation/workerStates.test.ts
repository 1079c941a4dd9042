import {
  WORKER_STATES,
  type WorkerState,
} from '@worker-platform/plugin-worker-platform-common';
import { defaultT } from '../__testUtils__/defaultTranslation';
import { presentWorkerState } from './workerStates';

describe('presentWorkerState', () => {
  // Backstage has six status indicators for seven states (at max and fallback
  // are both warnings), so the word is what tells every state apart.
  it('gives every state its own word and sentence', () => {
    const labels = WORKER_STATES.map(
      s => presentWorkerState(s, defaultT).label,
    );
    const descriptions = WORKER_STATES.map(
      s => presentWorkerState(s, defaultT).description,
    );
    expect(new Set(labels).size).toBe(WORKER_STATES.length);
    expect(new Set(descriptions).size).toBe(WORKER_STATES.length);
  });

  it.each([
    ['idle', 'Idle', 'ok'],
    ['active', 'Active', 'running'],
    ['at-max', 'At max', 'warning'],
    ['paused', 'Paused', 'aborted'],
    ['fallback', 'Fallback', 'warning'],
    ['failing', 'Failing', 'error'],
    ['unknown', 'Unknown', 'pending'],
  ] as const)('shows %s as %s (%s)', (state, label, status) => {
    expect(presentWorkerState(state, defaultT)).toMatchObject({
      label,
      status,
    });
  });

  it('shows a state this frontend does not know yet as unknown', () => {
    expect(presentWorkerState('draining' as WorkerState, defaultT).label).toBe(
      'Unknown',
    );
  });
});
