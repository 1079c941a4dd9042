import {
  createTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';

/**
 * The user-visible words of the worker-platform views. An app overrides them
 * (or adds a language) with `createTranslationMessages` /
 * `createTranslationResource` for this ref.
 *
 * ArgoCD's own status values (`Synced`, `OutOfSync`, `Degraded` …) are not
 * here: they are shown as ArgoCD names them. Sentences built from the status
 * data (advice, cluster warnings, operation dialogs, chart summaries) are
 * composed in `src/presentation/`, in English.
 *
 * @public
 */
export const workerPlatformTranslationRef = createTranslationRef({
  id: 'worker-platform',
  messages: {
    deploymentsCard: {
      title: 'Deployments',
      tableLabel: 'Deployments by environment',
      columns: {
        environment: 'Environment',
        argoCd: 'ArgoCD',
        deployed: 'Deployed',
        workers: 'Workers',
      },
      noApplication: 'no ArgoCD Application',
      noRevision: 'none',
      noWorkerPools: 'no worker pools',
    },
    deployStatus: {
      loading: 'Loading deploy status',
    },
    revision: {
      commitLabel: 'commit {{revision}}',
    },
    age: {
      ago: '{{age}} ago',
      never: 'never',
    },
    promotionMatrix: {
      title: 'What runs where',
      tableLabel: 'Promotion matrix',
      componentColumn: 'Component',
      noImage: 'no image',
      fromDeployment: '(from Deployment)',
      differsFrom: 'differs from {{environment}}',
    },
    environment: {
      regionLabel: '{{environment}} environment',
      clusters: 'cluster {{clusters}}',
      argoCdSection: 'ArgoCD',
      noApplication: 'No ArgoCD Application in this environment.',
      apiSection: 'API',
      apiReplicas:
        '{{namespace}}/{{deployment}}: {{ready}} of {{desired}} replicas ready',
      noApi: 'No API Deployment in this environment.',
      workerPoolsSection: 'Worker pools',
      scalingSection: 'Scaling, last {{minutes}} minutes',
      noScalingHistory: 'No scaling history recorded for this environment yet.',
    },
    scalingChart: {
      label: '{{pool}} replicas and queue depth, last {{minutes}} minutes',
    },
    application: {
      regionLabel: 'Application {{name}}',
      atRevision: 'at',
      noRevision: 'no revision synced yet',
      autoSyncOffAfterRollback:
        'Automated sync is off since a rollback from Backstage; git changes are not deployed until it is re-enabled.',
      operationStarted: 'started {{ago}}',
      operationFinished: 'finished {{ago}}',
      recentDeploys: 'Recent deploys',
      recentDeploysLabel: 'Recent deploys of {{name}}',
      actionsLabel: 'Actions on {{name}}',
    },
    conditions: {
      none: 'No conditions reported.',
    },
    workerPools: {
      tableLabel: 'Worker pools in {{environment}}',
      none: 'No KEDA ScaledObject in this environment.',
      columns: {
        pool: 'Pool',
        state: 'State',
        replicas: 'Replicas',
        queues: 'Queues: depth / target, trigger health',
        lastActive: 'Last active',
        detailsAndActions: 'Details and actions',
      },
      replicas: '{{current}} ({{ready}} ready) · min {{min}} · max {{max}}',
      showConditions: 'Show KEDA conditions',
      hideConditions: 'Hide KEDA conditions',
      noTriggers: 'no triggers',
      queueDepthLabel: '{{queue}} queue depth',
    },
    operations: {
      productionWarning: 'This changes production ({{environment}}).',
      cancel: 'Cancel',
      working: 'Working…',
      resultLabel: '{{operation}} result',
      holdAtReplicas: 'Hold at replicas (empty: the current count)',
    },
    workerStates: {
      idle: { label: 'Idle', description: 'Scaled to zero, waiting for work' },
      active: {
        label: 'Active',
        description: 'Working through a backlog, scaling between min and max',
      },
      atMax: {
        label: 'At max',
        description: 'At its replica ceiling; the backlog may grow',
      },
      paused: {
        label: 'Paused',
        description: 'Autoscaling switched off by the KEDA paused annotation',
      },
      fallback: {
        label: 'Fallback',
        description: 'Triggers failing; KEDA holds the fallback replica count',
      },
      failing: {
        label: 'Failing',
        description:
          'A trigger or the ScaledObject is failing; the pool cannot scale',
      },
      unknown: {
        label: 'Unknown',
        description: 'KEDA has not reported a status for this pool yet',
      },
    },
    triggerHealth: {
      happy: 'Healthy',
      failing: 'Failing',
      unknown: 'Unknown',
    },
    operationPhases: {
      running: 'Syncing',
      terminating: 'Terminating',
      succeeded: 'Sync succeeded',
      failed: 'Sync failed',
      error: 'Sync error',
    },
    argoCdClusterPicker: {
      title: 'Cluster',
      loading: 'Loading the clusters open for registration…',
      loadFailed: 'Cannot list the clusters open for registration: {{message}}',
      noneOpen:
        'No cluster is open for registration: an administrator lists them in {{configKey}}. Turn registration off to continue.',
      option: '{{cluster}} (ArgoCD namespace {{namespace}})',
    },
    serviceRepositoryPicker: {
      fromEntity:
        "Repository: {{repository}}, from the service's backstage.io/source-location.",
      localPublisher: '{{directory}} (local publisher)',
    },
  },
});

/** The translation function of {@link workerPlatformTranslationRef}, for presentation functions that pick words. */
export type WorkerPlatformT = TranslationFunction<
  typeof workerPlatformTranslationRef.T
>;
