import type { EntityScalingHistory } from '@worker-platform/plugin-worker-platform-common';

/** The last hour of replicas and queue depths of two production pools. */
export const scalingHistory = {
  entityRef: 'component:default/pingvasai',
  generatedAt: '2026-11-28T14:30:00.000Z',
  minutes: 60,
  environments: [
    {
      name: 'production',
      pools: [
        {
          name: 'gpu',
          queues: [
            {
              queue: 'pro',
              targetLength: 3,
            },
            {
              queue: 'free',
              targetLength: 10,
            },
          ],
          recordedSince: '2026-11-28T13:00:00.000Z',
          points: [
            {
              at: '2026-11-28T13:30:00.000Z',
              desired: 0,
              ready: 0,
              depths: [0, 0],
            },
            {
              at: '2026-11-28T14:01:00.000Z',
              desired: 0,
              ready: 0,
              depths: [2, 37],
            },
            {
              at: '2026-11-28T14:02:00.000Z',
              desired: 6,
              ready: 4,
              depths: [2, 37],
            },
            {
              at: '2026-11-28T14:05:00.000Z',
              desired: 6,
              ready: 6,
              depths: [1, 12],
            },
          ],
        },
        {
          name: 'api-relay',
          queues: [
            {
              queue: 'api_relay',
              targetLength: 5,
            },
          ],
          recordedSince: '2026-11-28T13:00:00.000Z',
          points: [
            {
              at: '2026-11-28T13:30:00.000Z',
              desired: 0,
              ready: 0,
              depths: [0],
            },
          ],
        },
      ],
    },
  ],
} satisfies EntityScalingHistory;
