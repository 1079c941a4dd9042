import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';
import allStates from '../__fixtures__/all-states.json';
import neverSynced from '../__fixtures__/never-synced.json';
import { lastDeployedAt } from './lastDeploy';

describe('lastDeployedAt', () => {
  it('takes the newest deploy across the Applications of an environment', () => {
    const staging = (allStates as EntityDeployStatus).environments[1];
    expect(lastDeployedAt(staging)).toBe('2026-11-28T14:02:37Z');
  });

  it('is null before the first sync', () => {
    const staging = (neverSynced as EntityDeployStatus).environments[0];
    expect(lastDeployedAt(staging)).toBeNull();
  });
});
