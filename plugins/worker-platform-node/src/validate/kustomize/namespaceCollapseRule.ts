import path from 'node:path';
import { COMPONENT_LABEL } from '@worker-platform/plugin-worker-platform-common';
import { kustomizationResources } from './kustomizationResources';
import { findingOf, ValidationRule } from '../ValidationRule';

/**
 * A kustomization with a top-level `namespace:` moves everything it
 * includes into that one namespace; including resources meant for
 * different namespaces collapses them.
 */
export const namespaceCollapseRule: ValidationRule = {
  id: 'kustomize/namespace-collapse',
  family: 'kustomize',
  why: 'A top-level `namespace:` over service, worker and shared resources collapses them into one namespace, undoing the service/worker isolation the AppProject and RBAC are built on.',
  check({ repo }) {
    return repo
      .paths()
      .filter(file => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file))
      .flatMap(file => {
        const doc = repo.yaml(file).documents[0];
        const namespace = (doc?.value as { namespace?: unknown })?.namespace;
        if (!doc || typeof namespace !== 'string') return [];
        const dir = path.posix.dirname(file);
        const objects = kustomizationResources(repo, dir);
        const namespaces = new Set(
          objects
            .flatMap(o =>
              o.kind === 'Namespace'
                ? [o.metadata?.name]
                : [o.metadata?.namespace],
            )
            .filter((n): n is string => typeof n === 'string'),
        );
        const components = new Set(
          objects
            .map(o => o.metadata?.labels?.[COMPONENT_LABEL])
            .filter(Boolean),
        );
        const reasons = [
          namespaces.size > 1
            ? `namespaces ${[...namespaces].sort().join(', ')}`
            : undefined,
          components.size > 1
            ? `components ${[...components].sort().join(', ')}`
            : undefined,
        ].filter(Boolean);
        if (reasons.length === 0) return [];
        return [
          findingOf(
            namespaceCollapseRule,
            { file, line: doc.lineOf(['namespace']) },
            `namespace: ${namespace} puts resources meant for ${reasons.join(
              ' and ',
            )} into one namespace; give each namespace its own overlay`,
          ),
        ];
      });
  },
};
