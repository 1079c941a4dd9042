import { allStates } from '../__fixtures__/allStates';
import { neverSynced } from '../__fixtures__/neverSynced';
import { lastDeployedAt } from './lastDeploy';

describe('lastDeployedAt', () => {
  it('takes the newest deploy across the Applications of an environment', () => {
    const staging = allStates.environments[1];
    expect(lastDeployedAt(staging)).toBe('2026-11-28T14:02:37Z');
  });

  it('is null before the first sync', () => {
    const staging = neverSynced.environments[0];
    expect(lastDeployedAt(staging)).toBeNull();
  });
});
