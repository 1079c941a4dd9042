import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  statusSignalChannel,
  type EntityScalingHistory,
  type StatusSignalMessage,
} from '@worker-platform/plugin-worker-platform-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { workerPlatformApiRef } from '../api';
import { POLL_INTERVAL_MS } from './useEntityDeployStatus';

/** The window every timeline shows. */
export const HISTORY_MINUTES = 60;

/** An entity's scaling history as the Deployments tab shows it, kept current. */
export interface EntityScalingHistoryState {
  /** The last history received; kept while a refresh fails. */
  history?: EntityScalingHistory;
  /** The error of the last request, cleared by the next success. */
  error?: Error;
}

/**
 * Loads the last hour of an entity's pools and refetches it on the same
 * Signals channel as the status: the backend records a point exactly when it
 * signals a change, and the message names the entity only, so the points
 * themselves still come through the permission-checked route. Polls like
 * the status does when Signals are missing or the last request failed.
 */
export function useEntityScalingHistory(
  entity: Entity,
): EntityScalingHistoryState {
  const api = useApi(workerPlatformApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { lastSignal, isSignalsAvailable } = useSignal<StatusSignalMessage>(
    statusSignalChannel(entityRef),
  );
  const [state, setState] = useState<EntityScalingHistoryState>({});
  const inFlight = useRef<AbortController>();

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const history = await api.getEntityScalingHistory(
        parseEntityRef(entityRef),
        { minutes: HISTORY_MINUTES, signal: controller.signal },
      );
      if (!controller.signal.aborted) setState({ history });
    } catch (error) {
      if (!controller.signal.aborted) {
        setState(previous => ({
          history: previous.history,
          error: error as Error,
        }));
      }
    }
  }, [api, entityRef]);

  useEffect(() => {
    setState({});
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useEffect(() => {
    if (lastSignal) load();
  }, [lastSignal, load]);

  const poll = !isSignalsAvailable || state.error !== undefined;
  useInterval(load, poll ? POLL_INTERVAL_MS : null);
  return state;
}
