import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/** An Application ArgoCD has never synced: no revision, no history, a ComparisonError. */
export const neverSynced = {
  entityRef: 'component:default/pingvasai',
  generatedAt: '2026-11-28T14:30:00.000Z',
  clusters: [
    {
      name: 'nonprod-us-east-1',
      connected: true,
      lastEventAt: '2026-11-28T14:29:58.412Z',
    },
  ],
  environments: [
    {
      name: 'staging',
      applications: [
        {
          name: 'pingvasai-staging-workers',
          cluster: 'nonprod-us-east-1',
          namespace: 'argocd',
          component: 'worker',
          sync: 'OutOfSync',
          health: 'Missing',
          revision: null,
          operation: null,
          conditions: [
            {
              type: 'ComparisonError',
              message:
                'Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = Manifest generation error (cached): k8s/overlays/staging/worker-ns: app path does not exist',
              lastTransitionTime: '2026-11-28T14:21:07Z',
            },
          ],
          history: [],
        },
      ],
      api: null,
      workers: [],
    },
  ],
  stale: false,
} satisfies EntityDeployStatus;
