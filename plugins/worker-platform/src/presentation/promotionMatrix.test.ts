import type { EntityDeployStatus } from '@worker-platform/plugin-worker-platform-common';
import { allStates } from '../__fixtures__/allStates';
import { imageName, imageTag, promotionMatrix } from './promotionMatrix';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const status = allStates;

// all-states with ArgoCD images tagged by each Application's revision.
const imagesOf = (
  app: { component: string | null },
  env: EntityDeployStatus['environments'][number],
  tags: { api?: string; workers?: string } = {},
) => {
  if (app.component === 'api') {
    return tags.api ? [`${REGISTRY}/pingvasai-api:${tags.api}`] : [];
  }
  return tags.workers
    ? env.workers.map(w => `${REGISTRY}/${w.deployment}:${tags.workers}`)
    : [];
};

// all-states with ArgoCD images tagged as given per environment.
const withImages = (
  tags: Record<string, { api?: string; workers?: string }>,
): EntityDeployStatus['environments'] =>
  status.environments.map(env => ({
    ...env,
    applications: env.applications.map(app => ({
      ...app,
      images: imagesOf(app, env, tags[env.name]),
    })),
  }));

describe('promotionMatrix', () => {
  it('reads image names and tags, digests included', () => {
    expect(imageName(`${REGISTRY}/team/pingvasai-api:9f3c2a1`)).toBe(
      'pingvasai-api',
    );
    expect(imageTag(`${REGISTRY}/pingvasai-api:9f3c2a1`)).toBe('9f3c2a1');
    expect(imageTag('localhost:5000/api')).toBeNull();
    expect(imageTag(`${REGISTRY}/api@sha256:0123456789abcdef0123`)).toBe(
      '0123456789ab',
    );
  });

  it('has the API and each pool by environment, highlighting what differs from the left', () => {
    const matrix = promotionMatrix(
      withImages({
        development: { api: '9f3c2a1', workers: '9f3c2a1' },
        staging: { api: '41d07be', workers: '9f3c2a1' },
        production: { api: '9f3c2a1', workers: '41d07be' },
      }),
    );
    expect(matrix.environments).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(matrix.rows.map(r => r.name)).toEqual([
      'API',
      'gpu',
      'api-relay',
      'system',
    ]);
    const [api, gpu] = matrix.rows;
    expect(api.cells.map(c => [c?.tag, c?.differsFrom])).toEqual([
      ['9f3c2a1', null],
      ['41d07be', 'development'],
      ['9f3c2a1', 'staging'],
    ]);
    expect(gpu.cells.map(c => [c?.tag, c?.source, c?.differsFrom])).toEqual([
      ['9f3c2a1', 'argocd', null],
      ['9f3c2a1', 'argocd', null],
      ['41d07be', 'argocd', 'staging'],
    ]);
  });

  it("keeps the status's (the spec's) order of environments, comparing each with the one before it", () => {
    // A spec that lists production before staging: no reordering by name.
    const [development, staging, production] = withImages({
      development: { api: 'a', workers: 'a' },
      staging: { api: 'b', workers: 'a' },
      production: { api: 'a', workers: 'a' },
    });
    const matrix = promotionMatrix([production, development, staging]);
    expect(matrix.environments).toEqual([
      'production',
      'development',
      'staging',
    ]);
    const [api, gpu] = matrix.rows;
    expect(api.cells.map(c => [c?.tag, c?.differsFrom])).toEqual([
      ['a', null],
      ['a', null],
      ['b', 'development'],
    ]);
    // Same tags; development's workers synced another revision than
    // production's, staging the same as development.
    expect(gpu.cells.map(c => [c?.tag, c?.differsFrom])).toEqual([
      ['a', null],
      ['a', 'production'],
      ['a', null],
    ]);
  });

  it("falls back to the Deployments' images, and a revision alone can differ", () => {
    const environments = withImages({}).map(env => ({
      ...env,
      api: env.api && { ...env.api, images: [`${REGISTRY}/pingvasai-api:v1`] },
    }));
    const [api] = promotionMatrix(environments).rows;
    expect(api.cells.map(c => [c?.tag, c?.source, c?.differsFrom])).toEqual([
      ['v1', 'deployment', null],
      // Same image, another synced revision (all-states' staging API).
      ['v1', 'deployment', 'development'],
      ['v1', 'deployment', 'staging'],
    ]);
  });

  it('leaves a gap where a row is not deployed, comparing with the nearest environment to the left', () => {
    const environments = withImages({
      development: { workers: 'a' },
      production: { workers: 'a' },
    });
    environments[1] = { ...environments[1], workers: [] };
    const gpu = promotionMatrix(environments).rows[1];
    expect(gpu.cells.map(c => c && [c.tag, c.differsFrom])).toEqual([
      ['a', null],
      null,
      ['a', 'development'],
    ]);
  });
});
