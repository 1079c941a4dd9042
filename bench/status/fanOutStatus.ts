import { KUBERNETES_ID_LABEL } from '@worker-platform/plugin-worker-platform-common';
import { assembleEntityStatus } from '../../plugins/worker-platform-backend/src/status/assembleEntityStatus';
import { WATCHED_KINDS } from '../../plugins/worker-platform-backend/src/summaries/watchedKinds';
import { KubernetesClusterClient } from '../../plugins/worker-platform-backend/src/watch/KubernetesClusterClient';

/**
 * The anchor: what a plugin without a cache does on each page view — LIST
 * every kind by the entity's label selector, in parallel, then build the
 * same response (without queue depths, which would cost more calls still).
 */
export async function fanOutStatus(
  client: KubernetesClusterClient,
  entityRef: string,
  kubernetesId: string,
) {
  const lists = await Promise.all(
    WATCHED_KINDS.map(async kind => {
      const page = await client.list(kind.resource, {
        labelSelector: `${KUBERNETES_ID_LABEL}=${kubernetesId}`,
      });
      return page.items.flatMap(object => kind.reduce(object, 'bench') ?? []);
    }),
  );
  return assembleEntityStatus({
    entityRef,
    summaries: lists.flat(),
    clusters: [
      { name: 'bench', connected: true, lastEventAt: new Date().toISOString() },
    ],
    queueDepth: () => null,
    now: new Date(),
  });
}
