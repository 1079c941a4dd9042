import type {
  HealthStatus,
  SyncStatus,
} from '@worker-platform/plugin-worker-platform-common';
import {
  presentHealthStatus,
  presentOperationPhase,
  presentSyncStatus,
} from './argoStatus';
import { defaultT } from '../__testUtils__/defaultTranslation';

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
    ['Unknown', 'pending'],
  ] as const)('shows sync %s as %s', (sync, status) => {
    expect(presentSyncStatus(sync)).toEqual({ label: sync, status });
  });

  it.each([
    ['Healthy', 'ok'],
    ['Progressing', 'running'],
    ['Degraded', 'error'],
    ['Suspended', 'aborted'],
    ['Missing', 'warning'],
    ['Unknown', 'pending'],
  ] as const)('shows health %s as %s', (health, status) => {
    expect(presentHealthStatus(health)).toEqual({ label: health, status });
  });

  it('keeps the word of a status value ArgoCD adds later', () => {
    expect(presentHealthStatus('Stalled' as HealthStatus)).toMatchObject({
      label: 'Stalled',
      status: 'pending',
    });
    expect(presentSyncStatus('Drifting' as SyncStatus).label).toBe('Drifting');
  });

  it.each([
    ['Running', 'Syncing', 'running'],
    ['Succeeded', 'Sync succeeded', 'ok'],
    ['Failed', 'Sync failed', 'error'],
    ['Error', 'Sync error', 'error'],
    ['Terminating', 'Terminating', 'aborted'],
    ['Paused', 'Paused', 'pending'],
  ])('shows operation phase %s as %s', (phase, label, status) => {
    expect(presentOperationPhase(operation(phase), defaultT)).toEqual({
      label,
      status,
    });
  });
});
