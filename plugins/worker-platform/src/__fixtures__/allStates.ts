import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/** Three environments that between them show every worker state and most sync, health and operation states. */
export const allStates = {
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
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T09:12:44Z',
            },
          ],
        },
        {
          name: 'pingvasai-development-workers',
          cluster: 'nonprod-us-east-1',
          namespace: 'argocd',
          component: 'worker',
          sync: 'Synced',
          health: 'Healthy',
          revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
          operation: {
            phase: 'Succeeded',
            message: 'successfully synced (all tasks run)',
            startedAt: '2026-11-28T13:58:03Z',
            finishedAt: '2026-11-28T13:58:31Z',
          },
          conditions: [],
          history: [
            {
              revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
              deployedAt: '2026-11-28T13:58:31Z',
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
          state: 'unknown',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 2,
          },
          triggers: [
            {
              queue: 'enterprise',
              metric: null,
              targetLength: 1,
              currentLength: null,
              health: 'Unknown',
            },
            {
              queue: 'free',
              metric: null,
              targetLength: 10,
              currentLength: null,
              health: 'Unknown',
            },
          ],
          lastActiveTime: null,
          conditions: [],
        },
        {
          name: 'api-relay',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-development-workers',
          scaledObject: 'pingvasai-api-relay-worker',
          deployment: 'pingvasai-api-relay-worker',
          state: 'idle',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 5,
          },
          triggers: [
            {
              queue: 'api_relay',
              metric: 's0-redis-api_relay',
              targetLength: 5,
              currentLength: 0,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T11:41:09Z',
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
              lastTransitionTime: '2026-11-28T11:46:09Z',
            },
            {
              type: 'Fallback',
              status: 'False',
              reason: 'NoFallbackFound',
              message: 'No fallbacks are active on this scaled object',
              lastTransitionTime: '2026-11-27T16:03:12Z',
            },
            {
              type: 'Paused',
              status: 'False',
              reason: 'ScaledObjectUnpaused',
              message: 'pause annotation removed for ScaledObject',
              lastTransitionTime: '2026-11-27T16:03:12Z',
            },
          ],
        },
        {
          name: 'system',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-development-workers',
          scaledObject: 'pingvasai-system-worker',
          deployment: 'pingvasai-system-worker',
          state: 'idle',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 3,
          },
          triggers: [
            {
              queue: 'system',
              metric: 's0-redis-system',
              targetLength: 10,
              currentLength: 0,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T02:10:33Z',
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
              lastTransitionTime: '2026-11-28T02:15:33Z',
            },
          ],
        },
      ],
    },
    {
      name: 'staging',
      applications: [
        {
          name: 'pingvasai-staging-api',
          cluster: 'nonprod-us-east-1',
          namespace: 'argocd',
          component: 'api',
          sync: 'OutOfSync',
          health: 'Healthy',
          revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
          operation: {
            phase: 'Failed',
            message:
              'one or more objects failed to apply, reason: admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "staging.api.pingvasai.com" and path "/" is already defined in ingress pingvasai-staging/legacy-api',
            startedAt: '2026-11-28T14:02:10Z',
            finishedAt: '2026-11-28T14:02:14Z',
          },
          conditions: [
            {
              type: 'SyncError',
              message:
                'Failed sync attempt to 9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4: one or more objects failed to apply (retried 5 times).',
              lastTransitionTime: '2026-11-28T14:02:14Z',
            },
          ],
          history: [
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T09:20:05Z',
            },
            {
              revision: 'c7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6',
              deployedAt: '2026-11-26T17:45:51Z',
            },
          ],
        },
        {
          name: 'pingvasai-staging-workers',
          cluster: 'nonprod-us-east-1',
          namespace: 'argocd',
          component: 'worker',
          sync: 'Synced',
          health: 'Healthy',
          revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
          operation: {
            phase: 'Succeeded',
            message: 'successfully synced (all tasks run)',
            startedAt: '2026-11-28T14:02:10Z',
            finishedAt: '2026-11-28T14:02:37Z',
          },
          conditions: [],
          history: [
            {
              revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
              deployedAt: '2026-11-28T14:02:37Z',
            },
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T09:20:11Z',
            },
          ],
        },
      ],
      api: {
        deployment: 'pingvasai-api',
        cluster: 'nonprod-us-east-1',
        namespace: 'pingvasai-staging',
        replicas: {
          desired: 3,
          ready: 3,
        },
      },
      workers: [
        {
          name: 'gpu',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-staging-workers',
          scaledObject: 'pingvasai-gpu-worker',
          deployment: 'pingvasai-gpu-worker',
          state: 'active',
          replicas: {
            current: 6,
            ready: 5,
            min: 0,
            max: 8,
          },
          triggers: [
            {
              queue: 'enterprise',
              metric: 's0-redis-enterprise',
              targetLength: 1,
              currentLength: 0,
              health: 'Happy',
            },
            {
              queue: 'studio',
              metric: 's1-redis-studio',
              targetLength: 2,
              currentLength: 2,
              health: 'Happy',
            },
            {
              queue: 'pro',
              metric: 's2-redis-pro',
              targetLength: 3,
              currentLength: 7,
              health: 'Happy',
            },
            {
              queue: 'starter',
              metric: 's3-redis-starter',
              targetLength: 5,
              currentLength: 4,
              health: 'Happy',
            },
            {
              queue: 'free',
              metric: 's4-redis-free',
              targetLength: 10,
              currentLength: 23,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T14:29:45Z',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'ScaledObjectReady',
              message:
                'ScaledObject is defined correctly and is ready for scaling',
              lastTransitionTime: '2026-11-27T16:03:14Z',
            },
            {
              type: 'Active',
              status: 'True',
              reason: 'ScalerActive',
              message: 'Scaling is performed because triggers are active',
              lastTransitionTime: '2026-11-28T14:11:30Z',
            },
            {
              type: 'Fallback',
              status: 'False',
              reason: 'NoFallbackFound',
              message: 'No fallbacks are active on this scaled object',
              lastTransitionTime: '2026-11-27T16:03:14Z',
            },
          ],
        },
        {
          name: 'api-relay',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-staging-workers',
          scaledObject: 'pingvasai-api-relay-worker',
          deployment: 'pingvasai-api-relay-worker',
          state: 'idle',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 5,
          },
          triggers: [
            {
              queue: 'api_relay',
              metric: 's0-redis-api_relay',
              targetLength: 5,
              currentLength: 0,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T13:05:52Z',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'ScaledObjectReady',
              message:
                'ScaledObject is defined correctly and is ready for scaling',
              lastTransitionTime: '2026-11-27T16:03:14Z',
            },
            {
              type: 'Active',
              status: 'False',
              reason: 'ScalerNotActive',
              message:
                'Scaling is not performed because triggers are not active',
              lastTransitionTime: '2026-11-28T13:08:52Z',
            },
          ],
        },
        {
          name: 'system',
          cluster: 'nonprod-us-east-1',
          namespace: 'pingvasai-staging-workers',
          scaledObject: 'pingvasai-system-worker',
          deployment: 'pingvasai-system-worker',
          state: 'paused',
          replicas: {
            current: 1,
            ready: 1,
            min: 0,
            max: 3,
          },
          triggers: [
            {
              queue: 'system',
              metric: 's0-redis-system',
              targetLength: 10,
              currentLength: 14,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T14:29:31Z',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'ScaledObjectReady',
              message:
                'ScaledObject is defined correctly and is ready for scaling',
              lastTransitionTime: '2026-11-27T16:03:14Z',
            },
            {
              type: 'Active',
              status: 'True',
              reason: 'ScalerActive',
              message: 'Scaling is performed because triggers are active',
              lastTransitionTime: '2026-11-28T12:40:02Z',
            },
            {
              type: 'Paused',
              status: 'True',
              reason: 'ScaledObjectPaused',
              message: 'ScaledObject is paused',
              lastTransitionTime: '2026-11-28T12:55:17Z',
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
          health: 'Progressing',
          revision: '9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
          operation: {
            phase: 'Running',
            message:
              'waiting for healthy state of apps/Deployment/pingvasai-api',
            startedAt: '2026-11-28T14:28:41Z',
            finishedAt: null,
          },
          conditions: [],
          history: [
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T10:03:27Z',
            },
            {
              revision: 'c7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6',
              deployedAt: '2026-11-26T18:30:02Z',
            },
            {
              revision: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
              deployedAt: '2026-11-24T15:12:48Z',
            },
          ],
        },
        {
          name: 'pingvasai-production-workers',
          cluster: 'prod-eu',
          namespace: 'argocd',
          component: 'worker',
          sync: 'Synced',
          health: 'Degraded',
          revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
          operation: {
            phase: 'Succeeded',
            message: 'successfully synced (all tasks run)',
            startedAt: '2026-11-28T10:03:12Z',
            finishedAt: '2026-11-28T10:03:40Z',
          },
          conditions: [],
          history: [
            {
              revision: '41d07be2c9a85f3e6d1b0a9c8e7f6d5c4b3a2918',
              deployedAt: '2026-11-28T10:03:40Z',
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
          ready: 3,
        },
      },
      workers: [
        {
          name: 'gpu',
          cluster: 'prod-eu',
          namespace: 'pingvasai-production-workers',
          scaledObject: 'pingvasai-gpu-worker',
          deployment: 'pingvasai-gpu-worker',
          state: 'at-max',
          replicas: {
            current: 20,
            ready: 20,
            min: 0,
            max: 20,
          },
          triggers: [
            {
              queue: 'enterprise',
              metric: 's0-redis-enterprise',
              targetLength: 1,
              currentLength: 3,
              health: 'Happy',
            },
            {
              queue: 'studio',
              metric: 's1-redis-studio',
              targetLength: 2,
              currentLength: 11,
              health: 'Happy',
            },
            {
              queue: 'pro',
              metric: 's2-redis-pro',
              targetLength: 3,
              currentLength: 40,
              health: 'Happy',
            },
            {
              queue: 'starter',
              metric: 's3-redis-starter',
              targetLength: 5,
              currentLength: 61,
              health: 'Happy',
            },
            {
              queue: 'free',
              metric: 's4-redis-free',
              targetLength: 10,
              currentLength: 318,
              health: 'Happy',
            },
          ],
          lastActiveTime: '2026-11-28T14:29:52Z',
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
              lastTransitionTime: '2026-11-28T12:02:19Z',
            },
          ],
        },
        {
          name: 'api-relay',
          cluster: 'prod-eu',
          namespace: 'pingvasai-production-workers',
          scaledObject: 'pingvasai-api-relay-worker',
          deployment: 'pingvasai-api-relay-worker',
          state: 'fallback',
          replicas: {
            current: 2,
            ready: 2,
            min: 0,
            max: 5,
          },
          triggers: [
            {
              queue: 'api_relay',
              metric: 's0-redis-api_relay',
              targetLength: 5,
              currentLength: null,
              health: 'Failing',
            },
          ],
          lastActiveTime: '2026-11-28T14:17:02Z',
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
              status: 'False',
              reason: 'ScalerNotActive',
              message:
                'Scaling is not performed because triggers are not active',
              lastTransitionTime: '2026-11-28T14:18:02Z',
            },
            {
              type: 'Fallback',
              status: 'True',
              reason: 'FallbackExists',
              message:
                'At least one trigger is falling back on this scaled object',
              lastTransitionTime: '2026-11-28T14:18:32Z',
            },
          ],
        },
        {
          name: 'system',
          cluster: 'prod-eu',
          namespace: 'pingvasai-production-workers',
          scaledObject: 'pingvasai-system-worker',
          deployment: 'pingvasai-system-worker',
          state: 'failing',
          replicas: {
            current: 0,
            ready: 0,
            min: 0,
            max: 3,
          },
          triggers: [
            {
              queue: 'system',
              metric: 's0-redis-system',
              targetLength: 10,
              currentLength: null,
              health: 'Failing',
            },
          ],
          lastActiveTime: '2026-11-27T23:48:10Z',
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'ScaledObjectCheckFailed',
              message:
                'error establishing redis connection: dial tcp: lookup redis-service.default.svc.cluster.local: no such host',
              lastTransitionTime: '2026-11-28T10:04:02Z',
            },
            {
              type: 'Active',
              status: 'False',
              reason: 'ScalerNotActive',
              message:
                'Scaling is not performed because triggers are not active',
              lastTransitionTime: '2026-11-28T10:04:02Z',
            },
          ],
        },
      ],
    },
  ],
  stale: false,
} satisfies EntityDeployStatus;
