import type {
  ApplicationStatus,
  EnvironmentStatus,
} from '@worker-platform/plugin-worker-platform-common';

/** What runs in one environment for one row. */
export interface PromotionCell {
  /** The full image reference, if known. */
  image: string | null;
  /** Its tag (or short digest), what a reader compares. */
  tag: string | null;
  /** Where the tag came from: ArgoCD's summary, or the Deployment as a fallback. */
  source: 'argocd' | 'deployment' | null;
  /** The git revision its Application synced. */
  revision: string | null;
  /**
   * The environment to its left whose tag or revision it does not match;
   * null when it matches or nothing to its left runs the row.
   */
  differsFrom: string | null;
}

/** The API or one worker pool across environments. */
export interface PromotionRow {
  /** `API` or the pool's name. */
  name: string;
  /** One per environment, in column order; null where it is not deployed. */
  cells: Array<PromotionCell | null>;
}

/** The promotion matrix: rows × environments. */
export interface PromotionMatrix {
  environments: string[];
  rows: PromotionRow[];
}

/** The repository name of an image reference: `registry/team/name:tag` → `name`. */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const path = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = path.indexOf(':');
  return colon === -1 ? path : path.slice(0, colon);
}

/** The tag of an image reference, or the first 12 hex digits of its digest. */
export function imageTag(image: string): string | null {
  const at = image.indexOf('@');
  if (at !== -1) {
    const digest = image.slice(at + 1);
    return digest.replace(/^sha256:/, '').slice(0, 12);
  }
  const path = image.slice(image.lastIndexOf('/') + 1);
  const colon = path.indexOf(':');
  return colon === -1 ? null : path.slice(colon + 1);
}

// Images are named after the Deployment they run in (resourceNames in -common).
function imageFor(images: string[] | undefined, deployment: string) {
  if (!images || images.length === 0) return undefined;
  return (
    images.find(image => imageName(image) === deployment) ??
    (images.length === 1 ? images[0] : undefined)
  );
}

function sourceOf(
  fromArgo: string | undefined,
  fromDeployment: string | undefined,
): PromotionCell['source'] {
  if (fromArgo) return 'argocd';
  return fromDeployment ? 'deployment' : null;
}

function cellOf(
  application: ApplicationStatus | undefined,
  deployment: string,
  deploymentImages: string[] | undefined,
): PromotionCell {
  const fromArgo = imageFor(application?.images, deployment);
  const fromDeployment = fromArgo
    ? undefined
    : imageFor(deploymentImages, deployment) ?? deploymentImages?.[0];
  const image = fromArgo ?? fromDeployment ?? null;
  return {
    image,
    tag: image ? imageTag(image) : null,
    source: sourceOf(fromArgo, fromDeployment),
    revision: application?.revision ?? null,
    differsFrom: null,
  };
}

/**
 * The matrix the Deployments tab opens with: the API and each pool (rows)
 * in each environment (columns, in the order the status lists them: the
 * spec's, from the Component's `worker-platform.io/environments`), each cell
 * the image tag — ArgoCD's `status.summary.images`, else the Deployment's —
 * and the synced git revision. A cell differs when its tag or revision is
 * not the one of the nearest environment to its left that runs the row.
 */
export function promotionMatrix(
  environments: EnvironmentStatus[],
): PromotionMatrix {
  const poolNames = [
    ...new Set(environments.flatMap(env => env.workers.map(w => w.name))),
  ];
  const rows: PromotionRow[] = [
    {
      name: 'API',
      cells: environments.map(env => {
        const app = env.applications.find(a => a.component === 'api');
        if (!env.api && !app) return null;
        return cellOf(app, env.api?.deployment ?? '', env.api?.images);
      }),
    },
    ...poolNames.map(name => ({
      name,
      cells: environments.map(env => {
        const pool = env.workers.find(w => w.name === name);
        if (!pool) return null;
        const app = env.applications.find(a => a.component === 'worker');
        return cellOf(app, pool.deployment, pool.images);
      }),
    })),
  ];
  for (const row of rows) {
    let previous: { cell: PromotionCell; environment: string } | undefined;
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      if (
        previous &&
        (cell.tag !== previous.cell.tag ||
          cell.revision !== previous.cell.revision)
      ) {
        cell.differsFrom = previous.environment;
      }
      previous = { cell, environment: environments[i].name };
    });
  }
  return { environments: environments.map(env => env.name), rows };
}
