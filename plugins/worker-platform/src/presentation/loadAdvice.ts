import { ResponseError } from '@backstage/errors';
import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';

/**
 * What went wrong, and what the reader can do about it.
 *
 * English only, unlike the views' fixed words in `workerPlatformTranslationRef`:
 * each piece of advice is a sentence around the entity ref, HTTP status or
 * error message, and these sentences have not been split into messages yet.
 */
export interface Advice {
  title: string;
  advice: string;
}

/** The config key the backend reads clusters from, shared with the Kubernetes plugin. */
export const CLUSTER_CONFIG_KEY = 'kubernetes.clusterLocatorMethods';

/**
 * Turns a failed status request into advice. A 404 from the plugin (a
 * `NotFoundError` body) means the entity is unknown or not readable; a 404
 * with no body means nothing is mounted at `/api/worker-platform`.
 */
export function adviseOnLoadError(error: Error, entityRef: string): Advice {
  if (!ResponseError.is(error)) {
    return {
      title: 'Backend unreachable',
      advice: `Could not reach the Backstage backend (${error.message}). Check that it is running and that backend.baseUrl in app-config.yaml points to it. This view retries every 30 s.`,
    };
  }
  const status = error.statusCode;
  if (status === 400) {
    return {
      title: 'Request rejected',
      advice: `The worker-platform backend refused the request for ${entityRef}: ${error.cause.message}`,
    };
  }
  if (status === 401) {
    return {
      title: 'Not signed in',
      advice:
        'The backend did not accept your credentials. Sign in again and reload the page.',
    };
  }
  if (status === 403) {
    return {
      title: 'Not allowed',
      advice: `You may not read ${entityRef} in the catalog. Ask its owner or a Backstage admin for catalog read access.`,
    };
  }
  if (status === 404 && error.cause.name === 'NotFoundError') {
    return {
      title: 'Entity not found',
      advice: `The worker-platform backend does not know ${entityRef}, or you may not read it in the catalog. Check that the entity exists and has been refreshed, and that you have read access to it.`,
    };
  }
  if (status === 404) {
    return {
      title: 'Status backend not installed',
      advice:
        "Nothing answers at /api/worker-platform. Add backend.add(import('@worker-platform/plugin-worker-platform-backend')) to packages/backend/src/index.ts and restart the backend.",
    };
  }
  return {
    title: 'Status backend failed',
    advice: `The worker-platform backend answered ${status} ${error.statusText}: ${error.cause.message}. Check the backend logs; this view retries every 30 s.`,
  };
}

/**
 * Advice when the backend answered but has nothing to show: no cluster is
 * configured, or no cluster holds objects labelled for this entity.
 */
export function adviseOnEmptyStatus(
  status: EntityDeployStatus,
  kubernetesId: string,
): Advice | undefined {
  if (status.clusters.length === 0) {
    return {
      title: 'No cluster configured',
      advice: `The worker-platform backend watches the clusters listed under ${CLUSTER_CONFIG_KEY} in app-config.yaml (type: config, with url, authProvider: serviceAccount and serviceAccountToken). Add one and restart the backend.`,
    };
  }
  if (status.environments.length === 0) {
    const clusters = status.clusters.map(c => c.name).join(', ');
    return {
      title: 'Nothing deployed yet',
      advice: `No ArgoCD Application, Deployment or KEDA ScaledObject labelled backstage.io/kubernetes-id=${kubernetesId} was found in ${clusters}. Check that the deployment repository's manifests carry that label and that its ArgoCD Applications exist.`,
    };
  }
  return undefined;
}
