import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/** The production cluster's watch is down, so the status is stale. */
export const clusterUnreachable = {
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
      connected: false,
      lastEventAt: '2026-11-28T14:28:00.000Z',
      error:
        'watch of scaledobjects.keda.sh failed: connect ETIMEDOUT 10.42.0.1:443; retrying in 8 s',
    },
  ],
  environments: [
    {
      name: 'development',
      applications: [
        {
          name: 'pingvasai-development-api',
          cluster: 'nonprod-us-east-1',
          namespace: 'argocd',
          component: 'api',
          sync: 'Synced',
          health: 'Healthy',
          revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
          operation: {
            phase: 'Succeeded',
            message: 'successfully synced (all tasks run)',
            startedAt: '2026-11-28T13:58:02Z',
            finishedAt: '2026-11-28T13:58:19Z',
          },
          conditions: [],
          history: [
            {
              revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
              deployedAt: '2026-11-28T13:58:19Z',
            },
          ],
        },
      ],
      api: {
        deployment: 'pingvasai-api',
        cluster: 'nonprod-us-east-1',
        namespace: 'pingvasai-development',
        replicas: {
          desired: 1,
          ready: 1,
        },
      },
      workers: [
        {
          name: 'gpu',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-development-workers',
          scaledObject: 'pingvasai-gpu-worker',
          deployment: 'pingvasai-gpu-worker',
          state: 'idle',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 2,
          },
          triggers: [
            {
              queue: 'enterprise',
              metric: 's0-redis-enterprise',
              targetLength: 1,
              currentLength: 0,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T12:01:40Z',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'ScaledObjectReady',
              message:
                'ScaledObject is defined correctly and is ready for scaling',
              lastTransitionTime: '2026-11-27T16:03:12Z',
            },
            {
              type: 'Active',
              status: 'False',
              reason: 'ScalerNotActive',
              message:
                'Scaling is not performed because triggers are not active',
              lastTransitionTime: '2026-11-28T12:06:40Z',
            },
          ],
        },
      ],
    },
    {
      name: 'production',
      applications: [
        {
          name: 'pingvasai-production-api',
          cluster: 'prod-eu',
          namespace: 'argocd',
          component: 'api',
          sync: 'Synced',
          health: 'Healthy',
          revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
          operation: {
            phase: 'Succeeded',
            message: 'successfully synced (all tasks run)',
            startedAt: '2026-11-28T10:03:12Z',
            finishedAt: '2026-11-28T10:03:27Z',
          },
          conditions: [],
          history: [
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T10:03:27Z',
            },
          ],
        },
      ],
      api: {
        deployment: 'pingvasai-api',
        cluster: 'prod-eu',
        namespace: 'pingvasai-production',
        replicas: {
          desired: 5,
          ready: 5,
        },
      },
      workers: [
        {
          name: 'gpu',
          cluster: 'prod-eu',
          namespace: 'pingvasai-production-workers',
          scaledObject: 'pingvasai-gpu-worker',
          deployment: 'pingvasai-gpu-worker',
          state: 'active',
          replicas: {
            current: 6,
            ready: 6,
            min: 0,
            max: 20,
          },
          triggers: [
            {
              queue: 'pro',
              metric: 's2-redis-pro',
              targetLength: 3,
              currentLength: 12,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T14:27:58Z',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'ScaledObjectReady',
              message:
                'ScaledObject is defined correctly and is ready for scaling',
              lastTransitionTime: '2026-11-20T08:14:00Z',
            },
            {
              type: 'Active',
              status: 'True',
              reason: 'ScalerActive',
              message: 'Scaling is performed because triggers are active',
              lastTransitionTime: '2026-11-28T13:02:19Z',
            },
          ],
        },
      ],
    },
  ],
  stale: true,
} satisfies EntityDeployStatus;
