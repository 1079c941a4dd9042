import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi, useApiHolder } from '@backstage/frontend-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  isHistoryPointsSignal,
  statusSignalChannel,
  type EntityScalingHistory,
  type HistoryPointsSignal,
  type StatusSignalMessage,
} from '@worker-platform/plugin-worker-platform-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { workerPlatformApiRef } from '../api';
import { appendPushedPoints } from '../presentation/historyPush';
import { POLL_INTERVAL_MS } from './useEntityDeployStatus';

/** The window every timeline shows. */
export const HISTORY_MINUTES = 60;

/**
 * How often an open chart reads the history again although points are
 * pushed: the read renews the backend's note that this user follows the
 * entity (it expires after 10 minutes) and re-checks their permission.
 */
export const HISTORY_RENEW_MS = 5 * 60_000;

/**
 * How long after a status change a history push may arrive; without one by
 * then, the backend is not pushing to this page (it restarted and forgot
 * its readers, or the page never was one) and the history is refetched.
 */
export const PUSH_GRACE_MS = 1_500;

/** An entity's scaling history as the Deployments tab shows it, kept current. */
export interface EntityScalingHistoryState {
  /** The last history received; kept while a refresh fails. */
  history?: EntityScalingHistory;
  /** The error of the last request, cleared by the next success. */
  error?: Error;
}

/**
 * Loads the last hour of an entity's pools, then appends the points the
 * backend pushes on the entity's Signals channel (only to readers allowed to
 * see them) without a refetch. It refetches when a pushed point does not
 * chain to the last one it holds (a message missed while reconnecting), when
 * a status change comes without a push, when the page becomes visible again,
 * and every 5 minutes; and polls like the status does when Signals are
 * missing or the last request failed.
 */
export function useEntityScalingHistory(
  entity: Entity,
): EntityScalingHistoryState {
  const api = useApi(workerPlatformApiRef);
  const signals = useApiHolder().get(signalApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [state, setState] = useState<EntityScalingHistoryState>({});
  const current = useRef<EntityScalingHistory>();
  const lastPushAt = useRef(0);
  const inFlight = useRef<AbortController>();
  /** Pushes received while a read is under way, applied once it answers. */
  const held = useRef<HistoryPointsSignal[] | undefined>();

  const show = (next: EntityScalingHistoryState) => {
    current.current = next.history;
    setState(next);
  };

  // Appends pushed points; a point the answer already had is skipped.
  const apply = useCallback(
    (pushes: HistoryPointsSignal[], reload: () => void) => {
      let history = current.current;
      for (const push of pushes) {
        if (!history) return;
        const next = appendPushedPoints(history, push);
        if (next === 'refetch') {
          reload();
          return;
        }
        history = next;
      }
      if (history !== current.current) show({ history });
    },
    [],
  );

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    held.current = held.current ?? [];
    try {
      const history = await api.getEntityScalingHistory(
        parseEntityRef(entityRef),
        { minutes: HISTORY_MINUTES, signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      show({ history });
    } catch (error) {
      if (controller.signal.aborted) return;
      show({ history: current.current, error: error as Error });
    }
    const pushes = held.current ?? [];
    held.current = undefined;
    apply(pushes, load);
  }, [api, entityRef, apply]);

  useEffect(() => {
    show({});
    held.current = undefined;
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useEffect(() => {
    if (!signals) return undefined;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    // Every message, not only the last of a render: points must not be lost.
    const subscription = signals.subscribe<StatusSignalMessage>(
      statusSignalChannel(entityRef),
      message => {
        if (isHistoryPointsSignal(message)) {
          lastPushAt.current = Date.now();
          if (held.current) held.current.push(message);
          else apply([message], load);
          return;
        }
        const changedAt = Date.now();
        clearTimeout(fallback);
        fallback = setTimeout(() => {
          if (lastPushAt.current < changedAt - PUSH_GRACE_MS) load();
        }, PUSH_GRACE_MS);
      },
    );
    return () => {
      clearTimeout(fallback);
      subscription.unsubscribe();
    };
  }, [signals, entityRef, load, apply]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  const poll = !signals || state.error !== undefined;
  useInterval(load, poll ? POLL_INTERVAL_MS : HISTORY_RENEW_MS);
  return state;
}
