import { defaultT } from '../__testUtils__/defaultTranslation';
import { presentTriggerHealth } from './triggerHealth';

describe('presentTriggerHealth', () => {
  it.each([
    ['Happy', 'Healthy', 'ok'],
    ['Failing', 'Failing', 'error'],
    ['Unknown', 'Unknown', 'pending'],
    ['', 'Unknown', 'pending'],
  ])('shows KEDA health %j as %s', (health, label, status) => {
    expect(presentTriggerHealth(health, defaultT)).toEqual({ label, status });
  });
});
