import { ConflictError, InputError } from '@backstage/errors';
import { ArgoCdOperationName } from '@worker-platform/plugin-worker-platform-common';
import { RawKubernetesObject } from '../watch/KubernetesClusterClient';
import { OperationActor, PlannedChange, pointerToken } from './plannedChange';

/** ArgoCD's annotation asking the controller to compare the Application with git again. */
export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
/**
 * Where a rollback keeps the automated sync policy it switched off, so that
 * `enable-auto-sync` restores exactly that (prune, selfHeal, …).
 */
export const AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION =
  'worker-platform.io/auto-sync-before-rollback';

/** The parameters of an ArgoCD operation. */
export interface ArgoCdOperationInput {
  operation: ArgoCdOperationName;
  revision?: string;
  prune?: boolean;
  historyId?: number;
}

const RUNNING_PHASES = ['Running', 'Terminating'];

function runningOperation(app: RawKubernetesObject): string | undefined {
  const state = (app.status as any)?.operationState;
  if (state && RUNNING_PHASES.includes(state.phase)) {
    return `an operation is ${state.phase.toLowerCase()} on ${
      app.metadata?.name
    } since ${state.startedAt ?? 'a moment ago'}`;
  }
  if (app.operation) {
    return `an operation is queued on ${app.metadata?.name}, waiting for the ArgoCD controller`;
  }
  return undefined;
}

function syncOperation(
  actor: OperationActor,
  sync: Record<string, unknown>,
  reason: string,
) {
  return {
    initiatedBy: { username: actor.name },
    info: [{ name: 'Reason', value: reason }],
    sync,
  };
}

/**
 * Decides the change an ArgoCD operation makes to a live Application, the way
 * ArgoCD's own API server does it: `refresh` sets the refresh annotation,
 * `sync` and `rollback` set the `operation` field that the application
 * controller executes, `terminate` sets the running operation's phase to
 * `Terminating`. Changes name the resourceVersion they were decided on, so a
 * concurrent change makes the cluster answer 409 instead of being overwritten.
 */
export function planArgoCdOperation(
  app: RawKubernetesObject,
  input: ArgoCdOperationInput,
  actor: OperationActor,
): PlannedChange {
  const name = app.metadata?.name ?? '';
  const resourceVersion = app.metadata?.resourceVersion;
  const annotations = app.metadata?.annotations ?? {};
  const automated = (app.spec as any)?.syncPolicy?.automated;
  switch (input.operation) {
    case 'refresh': {
      if (annotations[REFRESH_ANNOTATION]) {
        return { message: `a refresh of ${name} is already pending` };
      }
      return {
        patch: {
          type: 'apply',
          body: {
            apiVersion: app.apiVersion,
            kind: app.kind,
            metadata: {
              name,
              namespace: app.metadata?.namespace,
              annotations: { [REFRESH_ANNOTATION]: 'normal' },
            },
          },
        },
        message: `ArgoCD will compare ${name} with git again`,
      };
    }
    case 'sync': {
      const running = runningOperation(app);
      if (running) throw new ConflictError(`Cannot sync: ${running}`);
      const sync: Record<string, unknown> = { prune: input.prune ?? false };
      if (input.revision) sync.revision = input.revision;
      return {
        patch: {
          type: 'merge',
          body: {
            metadata: { resourceVersion },
            operation: syncOperation(actor, sync, 'sync from Backstage'),
          },
        },
        message: `ArgoCD will sync ${name} to ${
          input.revision ?? 'its target revision'
        }${input.prune ? ', pruning resources no longer in git' : ''}`,
      };
    }
    case 'terminate': {
      const phase = (app.status as any)?.operationState?.phase;
      if (phase === 'Terminating') {
        return { message: `the operation on ${name} is already terminating` };
      }
      if (phase !== 'Running') {
        throw new ConflictError(
          `Cannot terminate: no operation is running on ${name}`,
        );
      }
      return {
        patch: {
          type: 'merge',
          body: {
            metadata: { resourceVersion },
            status: { operationState: { phase: 'Terminating' } },
          },
        },
        message: `ArgoCD will terminate the running operation on ${name}`,
      };
    }
    case 'rollback': {
      const history: any[] = (app.status as any)?.history ?? [];
      const entry = history.find(h => h?.id === input.historyId);
      if (!entry) {
        throw new InputError(
          `historyId: ${name} has no history entry ${input.historyId} (it has ${
            history.map(h => h?.id).join(', ') || 'none'
          })`,
        );
      }
      const running = runningOperation(app);
      if (running) throw new ConflictError(`Cannot roll back: ${running}`);
      const body: unknown[] = [
        {
          op: 'test',
          path: '/metadata/resourceVersion',
          value: resourceVersion,
        },
      ];
      if (automated) {
        // ArgoCD refuses a rollback while automated sync is on.
        const remembered = JSON.stringify(automated);
        body.push(
          app.metadata?.annotations
            ? {
                op: 'add',
                path: `/metadata/annotations/${pointerToken(
                  AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION,
                )}`,
                value: remembered,
              }
            : {
                op: 'add',
                path: '/metadata/annotations',
                value: { [AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION]: remembered },
              },
          { op: 'remove', path: '/spec/syncPolicy/automated' },
        );
      }
      const sync: Record<string, unknown> = {
        revision: entry.revision,
        prune: input.prune ?? false,
      };
      if (entry.source) sync.source = entry.source;
      body.push({
        op: 'add',
        path: '/operation',
        value: syncOperation(actor, sync, `rollback to history ${entry.id}`),
      });
      return {
        patch: { type: 'json', body },
        message: `ArgoCD will roll ${name} back to ${String(
          entry.revision,
        ).slice(0, 7)} (history ${entry.id})${
          automated
            ? '; automated sync is switched off so that it stays there (re-enable auto-sync when done)'
            : ''
        }`,
        autoSyncDisabled: Boolean(automated),
      };
    }
    case 'enable-auto-sync': {
      if (automated) {
        return { message: `automated sync of ${name} is already on` };
      }
      let restored: unknown = {};
      try {
        restored = JSON.parse(
          annotations[AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION] ?? '{}',
        );
      } catch {
        // a hand-edited annotation: fall back to plain automated sync
      }
      return {
        patch: {
          type: 'merge',
          body: {
            metadata: {
              resourceVersion,
              annotations: { [AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION]: null },
            },
            spec: { syncPolicy: { automated: restored } },
          },
        },
        message: `automated sync of ${name} will be on again`,
      };
    }
    default:
      throw new InputError(`operation: unknown ArgoCD operation`);
  }
}
