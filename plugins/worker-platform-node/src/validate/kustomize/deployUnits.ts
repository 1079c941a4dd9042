import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { isKubernetesObject, valueAt } from '../repository/objects';

/** Where an ArgoCD Application names a directory to deploy. */
export interface ApplicationReference {
  file: string;
  line: number;
  application: string;
}

/** A directory that is deployed as a whole: an overlay, or an Application's `source.path`. */
export interface DeployUnit {
  /** Repository-relative, no trailing slash. */
  dir: string;
  /** Its kustomization file, if it has one. */
  kustomization?: string;
  /** The Applications that deploy it (none for an overlay no Application names). */
  applications: ApplicationReference[];
}

const OVERLAYS = 'k8s/overlays/';

/**
 * Every directory under `k8s/overlays/` with a kustomization, and every
 * path an ArgoCD Application deploys, each once.
 */
export function findDeployUnits(repo: RepositorySnapshot): DeployUnit[] {
  const units = new Map<string, DeployUnit>();
  const unit = (dir: string) => {
    let existing = units.get(dir);
    if (!existing) {
      existing = {
        dir,
        kustomization: repo.kustomizationFile(dir),
        applications: [],
      };
      units.set(dir, existing);
    }
    return existing;
  };

  for (const file of repo.paths()) {
    if (
      file.startsWith(OVERLAYS) &&
      /\/kustomization\.ya?ml$|\/Kustomization$/.test(file)
    ) {
      unit(file.slice(0, file.lastIndexOf('/')));
    }
  }

  for (const doc of repo.yamlDocuments()) {
    const object = doc.value;
    if (
      !isKubernetesObject(object) ||
      object.kind !== 'Application' ||
      !object.apiVersion.startsWith('argoproj.io/')
    ) {
      continue;
    }
    const sources = applicationSources(object);
    for (const { path, at } of sources) {
      unit(normalizeDir(path)).applications.push({
        file: doc.file,
        line: doc.lineOf(at),
        application: object.metadata?.name ?? '(unnamed)',
      });
    }
  }
  return [...units.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The `path`s of an Application's `source` and `sources[]` that point into this repository. */
export function applicationSources(
  application: unknown,
): { path: string; at: (string | number)[] }[] {
  const found: { path: string; at: (string | number)[] }[] = [];
  const single = valueAt(application, ['spec', 'source', 'path']);
  if (typeof single === 'string') {
    found.push({ path: single, at: ['spec', 'source', 'path'] });
  }
  const many = valueAt(application, ['spec', 'sources']);
  if (Array.isArray(many)) {
    many.forEach((source, index) => {
      if (typeof source?.path === 'string') {
        found.push({
          path: source.path,
          at: ['spec', 'sources', index, 'path'],
        });
      }
    });
  }
  return found;
}

function normalizeDir(dir: string): string {
  return dir.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}
