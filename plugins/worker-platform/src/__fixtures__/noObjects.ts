import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/** Clusters are connected but hold nothing of this entity. */
export const noObjects = {
  entityRef: 'component:default/pingvasai',
  generatedAt: '2026-11-28T14:30:00.000Z',
  clusters: [
    {
      name: 'nonprod-us-east-1',
      connected: true,
      lastEventAt: '2026-11-28T14:29:58.412Z',
    },
    {
      name: 'prod-eu',
      connected: true,
      lastEventAt: '2026-11-28T14:29:59.087Z',
    },
  ],
  environments: [],
  stale: false,
} satisfies EntityDeployStatus;
