import { allStates } from '../__fixtures__/allStates';
import { summarizeWorkers } from './workerSummary';

const status = allStates;
const workersOf = (env: string) =>
  status.environments.find(e => e.name === env)!.workers;

describe('summarizeWorkers', () => {
  it('shows replicas of running pools and the state of the others', () => {
    expect(summarizeWorkers(workersOf('staging'))).toBe(
      'gpu 6/8 · api-relay idle · system paused',
    );
  });

  it('names pools at their ceiling, on fallback or failing', () => {
    expect(summarizeWorkers(workersOf('production'))).toBe(
      'gpu 20/20 at max · api-relay fallback 2/5 · system failing',
    );
  });

  it('says unknown for a pool KEDA has not reported yet', () => {
    expect(summarizeWorkers(workersOf('development'))).toBe(
      'gpu unknown · api-relay idle · system idle',
    );
  });

  it('says so when an environment has no worker pools', () => {
    expect(summarizeWorkers([])).toBe('no worker pools');
  });
});
