import { COMPONENT_LABEL } from '@worker-platform/plugin-worker-platform-common';
import { Finding } from '../types';
import { describeObject, ofKind, podContainers } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { BuiltUnit } from '../kustomize/buildUnits';

const HOOK_ANNOTATION = 'argocd.argoproj.io/hook';

/** A sync-hook Job (the database migration) runs the image the API runs. */
export const hookImageRule: ValidationRule = {
  id: 'cross-file/hook-image',
  family: 'cross-file',
  why: 'Migrations must come from the same build as the API they prepare; another image migrates to a schema the new API does not expect.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      const resolve = imageResolver(context.repo, unit);
      const apiImages = new Set(
        ofKind(unit.objects, 'Deployment', 'apps')
          .filter(d => d.metadata?.labels?.[COMPONENT_LABEL] === 'api')
          .flatMap(d => podContainers(d).map(c => resolve(c.container.image))),
      );
      if (apiImages.size === 0) continue;
      const hooks = ofKind(unit.objects, 'Job', 'batch').filter(job =>
        /(^|,)\s*(PreSync|Sync)\s*(,|$)/.test(
          job.metadata?.annotations?.[HOOK_ANNOTATION] ?? '',
        ),
      );
      for (const job of hooks) {
        for (const { path, container } of podContainers(job)) {
          if (!apiImages.has(resolve(container.image))) {
            findings.push(
              findingOf(
                hookImageRule,
                context.locate(job, [...path, 'image'], unit),
                `${describeObject(job)} runs ${
                  container.image
                }, not the API image (${[...apiImages].join(', ')})`,
              ),
            );
          }
        }
      }
    }
    return findings;
  },
};

/**
 * What an image reference becomes after the overlay's `images:` rewrite.
 * kustomize has already applied it to built units; for units read from
 * files the rule applies the overlay's own entries (blue-green slots and
 * the migration Job name different images that the overlay maps to one).
 */
function imageResolver(
  repo: RepositorySnapshot,
  unit: BuiltUnit,
): (image: string) => string {
  if (unit.via === 'kustomize' || !unit.kustomization) return image => image;
  const entries = (
    (
      repo.yaml(unit.kustomization).documents[0]?.value as {
        images?: { name?: string; newName?: string; newTag?: string }[];
      }
    )?.images ?? []
  ).filter(entry => typeof entry?.name === 'string');
  return image => {
    const [name, tag] = image.split(/:(?=[^/]*$)/);
    const entry = entries.find(e => e.name === name);
    if (!entry) return image;
    const newTag = entry.newTag ?? tag;
    return `${entry.newName ?? name}${newTag ? `:${newTag}` : ''}`;
  };
}
