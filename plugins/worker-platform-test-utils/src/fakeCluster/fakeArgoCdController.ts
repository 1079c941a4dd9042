import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { FakeKubernetesObject } from './types';

/** Options of {@link startFakeArgoCdController}. */
export interface FakeArgoCdControllerOptions {
  /** How long each phase of an operation takes; 1.5 s by default. */
  stepMs?: number;
}

const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/**
 * Plays ArgoCD's application controller for Applications that clients change
 * through the API (not for scenario upserts): a requested `operation` runs
 * (Running, then Succeeded with the Application Synced and Healthy at the
 * requested revision and a new history entry), `Terminating` ends as Failed,
 * and a refresh annotation is consumed. Returns a function that stops it.
 */
export function startFakeArgoCdController(
  server: FakeKubernetesApiServer,
  options: FakeArgoCdControllerOptions = {},
): () => void {
  const stepMs = options.stepMs ?? 1500;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const refOf = (app: FakeKubernetesObject) => ({
    apiVersion: app.apiVersion,
    kind: app.kind,
    namespace: app.metadata.namespace,
    name: app.metadata.name,
  });
  const updateIfPresent = (
    app: FakeKubernetesObject,
    mutate: (object: any) => void,
  ) => {
    if (server.get(refOf(app))) server.update(refOf(app), mutate);
  };

  const run = (app: FakeKubernetesObject) => {
    const operation = app.operation as any;
    const startedAt = new Date().toISOString();
    later(stepMs, () =>
      updateIfPresent(app, object => {
        if (JSON.stringify(object.operation) !== JSON.stringify(operation)) {
          return;
        }
        object.status.operationState = {
          operation,
          phase: 'Running',
          message: 'one or more tasks are running',
          startedAt,
        };
        object.status.health = { status: 'Progressing' };
      }),
    );
    later(2 * stepMs, () =>
      updateIfPresent(app, object => {
        const state = object.status.operationState;
        if (state?.phase !== 'Running' || state.startedAt !== startedAt) {
          return;
        }
        const history: any[] = object.status.history ?? [];
        const revision =
          operation.sync?.revision ?? object.status.sync?.revision ?? 'HEAD';
        const finishedAt = new Date().toISOString();
        object.status.operationState = {
          ...state,
          phase: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          finishedAt,
          syncResult: { revision },
        };
        object.status.sync = {
          ...object.status.sync,
          status: 'Synced',
          revision,
        };
        object.status.health = { status: 'Healthy' };
        object.status.history = [
          ...history,
          {
            id: Math.max(0, ...history.map(h => Number(h.id) || 0)) + 1,
            revision,
            deployedAt: finishedAt,
            deployStartedAt: startedAt,
            source: operation.sync?.source ?? object.spec?.source,
          },
        ];
        delete object.operation;
      }),
    );
  };

  const stop = server.onChange(change => {
    const { object: app, previous } = change;
    if (change.source !== 'api' || app.kind !== 'Application') return;
    const status = (app.status ?? {}) as any;
    if (
      app.operation &&
      JSON.stringify(app.operation) !== JSON.stringify(previous?.operation)
    ) {
      run(app);
    }
    if (
      status.operationState?.phase === 'Terminating' &&
      (previous?.status as any)?.operationState?.phase !== 'Terminating'
    ) {
      later(stepMs, () =>
        updateIfPresent(app, object => {
          if (object.status.operationState?.phase !== 'Terminating') return;
          object.status.operationState = {
            ...object.status.operationState,
            phase: 'Failed',
            message: 'Operation terminated',
            finishedAt: new Date().toISOString(),
          };
          delete object.operation;
        }),
      );
    }
    if (
      app.metadata.annotations?.[REFRESH_ANNOTATION] &&
      !previous?.metadata.annotations?.[REFRESH_ANNOTATION]
    ) {
      later(stepMs, () =>
        updateIfPresent(app, object => {
          delete object.metadata.annotations?.[REFRESH_ANNOTATION];
        }),
      );
    }
  });

  return () => {
    stop();
    timers.forEach(clearTimeout);
    timers.clear();
  };
}
