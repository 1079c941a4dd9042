import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/** The backend has no cluster configured. */
export const noClusters = {
  entityRef: 'component:default/pingvasai',
  generatedAt: '2026-11-28T14:30:00.000Z',
  clusters: [],
  environments: [],
  stale: false,
} satisfies EntityDeployStatus;
