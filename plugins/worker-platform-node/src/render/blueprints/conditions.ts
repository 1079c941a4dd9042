import type { RenderModel } from '../model/types';

/**
 * Blueprints that only apply to some services, by their path under
 * `blueprints/`. Every other blueprint is always rendered. Kept as one table
 * so the choice between delivery strategies (never two on one Deployment)
 * can be read in one place.
 */
export const blueprintConditions: Record<
  string,
  (model: RenderModel) => boolean
> = {
  'k8s/base/service-ns/deployment.yaml.njk': m => m.delivery !== 'blue-green',
  'k8s/base/service-ns/hpa.yaml.njk': m => m.delivery !== 'blue-green',
  'k8s/base/service-ns/service.yaml.njk': m => m.delivery !== 'blue-green',
  'k8s/base/service-ns/rollout.yaml.njk': m => m.delivery === 'canary',
  'k8s/base/service-ns/analysis-template.yaml.njk': m =>
    m.delivery === 'canary',
  'k8s/base/service-ns/service-canary.yaml.njk': m => m.delivery === 'canary',
  'k8s/overlays/__env__/service-ns/patches/api-rollout.yaml.njk': m =>
    m.delivery === 'canary',
  'k8s/base/service-ns/deployment-blue.yaml.njk': m =>
    m.delivery === 'blue-green',
  'k8s/base/service-ns/deployment-green.yaml.njk': m =>
    m.delivery === 'blue-green',
  'k8s/base/service-ns/hpa-blue.yaml.njk': m => m.delivery === 'blue-green',
  'k8s/base/service-ns/hpa-green.yaml.njk': m => m.delivery === 'blue-green',
  'k8s/base/service-ns/service-blue.yaml.njk': m => m.delivery === 'blue-green',
  'k8s/base/service-ns/service-green.yaml.njk': m =>
    m.delivery === 'blue-green',
  'k8s/overlays/__env__/service-ns/patches/active-slot.yaml.njk': m =>
    m.delivery === 'blue-green',
  // The runbooks the TechDocs navigation lists (see catalogModel.ts).
  'docs/runbooks/blue-green-switch.md.njk': m =>
    m.runbooks.some(r => r.file === 'runbooks/blue-green-switch.md'),
  'docs/runbooks/canary-rollback.md.njk': m =>
    m.runbooks.some(r => r.file === 'runbooks/canary-rollback.md'),
  'k8s/base/shared/redis/kustomization.yaml.njk': m => m.redis.inCluster,
  'k8s/base/shared/redis/statefulset.yaml.njk': m => m.redis.inCluster,
  'k8s/base/shared/redis/service.yaml.njk': m => m.redis.inCluster,
  'k8s/overlays/__env__/worker-ns/redis-network-policy.yaml.njk': m =>
    m.redis.inCluster,
  // A single environment has nothing to promote to.
  '__dot__github/workflows/promote.yml.njk': m =>
    m.release.promotions.length > 0,
};
