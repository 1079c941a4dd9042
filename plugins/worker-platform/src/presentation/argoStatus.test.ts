import type {
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import {
  presentHealthStatus,
  presentOperationPhase,
  presentSyncStatus,
} from './argoStatus';

const operation = (phase: string) => ({
  phase,
  message: null,
  startedAt: null,
  finishedAt: null,
});

describe('ArgoCD status presentation', () => {
  it.each([
    ['Synced', 'ok'],
    ['OutOfSync', 'warning'],
    ['Unknown', 'unknown'],
  ] as const)('shows sync %s as %s', (sync, severity) => {
    expect(presentSyncStatus(sync)).toMatchObject({ label: sync, severity });
  });

  it.each([
    ['Healthy', 'ok'],
    ['Progressing', 'info'],
    ['Degraded', 'error'],
    ['Suspended', 'info'],
    ['Missing', 'warning'],
    ['Unknown', 'unknown'],
  ] as const)('shows health %s as %s', (health, severity) => {
    expect(presentHealthStatus(health)).toMatchObject({
      label: health,
      severity,
    });
  });

  it('keeps the word of a status value ArgoCD adds later', () => {
    expect(presentHealthStatus('Stalled' as HealthStatus)).toMatchObject({
      label: 'Stalled',
      severity: 'unknown',
    });
    expect(presentSyncStatus('Drifting' as SyncStatus).label).toBe('Drifting');
  });

  it.each([
    ['Running', 'Syncing', 'info'],
    ['Succeeded', 'Sync succeeded', 'ok'],
    ['Failed', 'Sync failed', 'error'],
    ['Error', 'Sync error', 'error'],
    ['Terminating', 'Terminating', 'warning'],
    ['Paused', 'Paused', 'unknown'],
  ])('shows operation phase %s as %s', (phase, label, severity) => {
    expect(presentOperationPhase(operation(phase))).toMatchObject({
      label,
      severity,
    });
  });
});
