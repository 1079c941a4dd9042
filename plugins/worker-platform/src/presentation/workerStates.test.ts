import {
  WORKER_STATES,
  type WorkerState,
} from '@worker-platform/plugin-worker-platform-common';
import { presentWorkerState } from './workerStates';

describe('presentWorkerState', () => {
  it('gives every state its own word and icon', () => {
    const labels = WORKER_STATES.map(s => presentWorkerState(s).label);
    const icons = WORKER_STATES.map(s => presentWorkerState(s).icon);
    expect(new Set(labels).size).toBe(WORKER_STATES.length);
    expect(new Set(icons).size).toBe(WORKER_STATES.length);
  });

  it.each([
    ['idle', 'Idle', 'ok'],
    ['active', 'Active', 'ok'],
    ['at-max', 'At max', 'warning'],
    ['paused', 'Paused', 'info'],
    ['fallback', 'Fallback', 'warning'],
    ['failing', 'Failing', 'error'],
    ['unknown', 'Unknown', 'unknown'],
  ] as const)('shows %s as %s (%s)', (state, label, severity) => {
    expect(presentWorkerState(state)).toMatchObject({ label, severity });
  });

  it('shows a state this frontend does not know yet as unknown', () => {
    expect(presentWorkerState('draining' as WorkerState).label).toBe('Unknown');
  });
});
