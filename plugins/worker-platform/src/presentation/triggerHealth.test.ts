import { presentTriggerHealth } from './triggerHealth';

describe('presentTriggerHealth', () => {
  it.each([
    ['Happy', 'Healthy', 'ok'],
    ['Failing', 'Failing', 'error'],
    ['Unknown', 'Unknown', 'unknown'],
    ['', 'Unknown', 'unknown'],
  ])('shows KEDA health %j as %s', (health, label, severity) => {
    expect(presentTriggerHealth(health)).toMatchObject({ label, severity });
  });
});
