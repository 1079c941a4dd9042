import type { Entity } from '@backstage/catalog-model';
import {
  filterPredicateToFilterFunction,
  type FilterPredicate,
} from '@backstage/filter-predicates';
import { KUBERNETES_ID_LABEL } from '@worker-platform/plugin-worker-platform-common';

/**
 * The entities the card and tab are shown for: Components whose deployments
 * carry a `backstage.io/kubernetes-id` (docs/contract.md, "Labels and annotations").
 *
 * @public
 */
export const workerPlatformEntityFilter: FilterPredicate = {
  kind: 'component',
  [`metadata.annotations.${KUBERNETES_ID_LABEL}`]: { $exists: true },
};

/**
 * Whether the card and tab apply to an entity, for the `if` of an
 * `EntitySwitch` in apps on the legacy frontend system.
 *
 * @public
 */
export const isWorkerPlatformAvailable: (entity: Entity) => boolean =
  filterPredicateToFilterFunction(workerPlatformEntityFilter);
