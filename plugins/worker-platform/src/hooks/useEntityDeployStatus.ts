import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  statusSignalChannel,
  type EntityDeployStatus,
  type StatusSignalMessage,
} from '@worker-platform/plugin-worker-platform-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { workerPlatformApiRef } from '../api';

/** How often the status is refetched when no push channel can tell us. */
export const POLL_INTERVAL_MS = 30_000;

/** The deploy status of an entity as a page shows it, kept current. */
export interface EntityDeployStatusState {
  /** The last status received; kept while a refresh fails. */
  status?: EntityDeployStatus;
  /** The error of the last request, cleared by the next success. */
  error?: Error;
  /** True until the first request settles. */
  loading: boolean;
  /** `push` when Signals deliver changes, `polling` when the view refetches on a timer. */
  updates: 'push' | 'polling';
}

/**
 * Loads an entity's deploy status and keeps it current: refetches whenever
 * the backend signals a change, and polls every 30 s only when Signals are
 * not installed or the last request failed (a backend that is down sends no
 * signal when it comes back).
 */
export function useEntityDeployStatus(entity: Entity): EntityDeployStatusState {
  const api = useApi(workerPlatformApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { lastSignal, isSignalsAvailable } = useSignal<StatusSignalMessage>(
    statusSignalChannel(entityRef),
  );
  const [state, setState] = useState<Omit<EntityDeployStatusState, 'updates'>>({
    loading: true,
  });
  const inFlight = useRef<AbortController>();

  const load = useCallback(async () => {
    // A newer request supersedes an older one, so a slow answer cannot
    // overwrite a fresher status.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const status = await api.getEntityDeployStatus(
        parseEntityRef(entityRef),
        { signal: controller.signal },
      );
      if (!controller.signal.aborted) {
        setState({ status, loading: false });
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        setState(previous => ({
          status: previous.status,
          error: error as Error,
          loading: false,
        }));
      }
    }
  }, [api, entityRef]);

  useEffect(() => {
    setState({ loading: true });
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useEffect(() => {
    if (lastSignal) {
      load();
    }
  }, [lastSignal, load]);

  const poll = !isSignalsAvailable || state.error !== undefined;
  useInterval(load, poll ? POLL_INTERVAL_MS : null);

  return { ...state, updates: isSignalsAvailable ? 'push' : 'polling' };
}
