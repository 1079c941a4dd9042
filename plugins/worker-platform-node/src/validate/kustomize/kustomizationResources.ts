import path from 'node:path';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { isKubernetesObject, KubernetesObject } from '../repository/objects';

/**
 * The objects a kustomization includes through `resources` and
 * `components`, followed into nested kustomizations, as written in the
 * files: no patch or transformer applied.
 */
export function kustomizationResources(
  repo: RepositorySnapshot,
  dir: string,
  visited: Set<string> = new Set(),
): KubernetesObject[] {
  const kustomization = repo.kustomizationFile(dir);
  if (!kustomization || visited.has(dir)) return [];
  visited.add(dir);
  const spec = repo.yaml(kustomization).documents[0]?.value as
    | { resources?: unknown; components?: unknown }
    | undefined;
  return [spec?.resources, spec?.components]
    .filter(Array.isArray)
    .flat()
    .filter((entry): entry is string => typeof entry === 'string')
    .flatMap(entry => {
      const target = path.posix.normalize(
        dir && dir !== '.' ? `${dir}/${entry}` : entry,
      );
      return repo.kustomizationFile(target)
        ? kustomizationResources(repo, target, visited)
        : repo
            .yaml(target)
            .documents.map(doc => doc.value)
            .filter(isKubernetesObject);
    });
}

/**
 * Files that kustomizations use as patches: partial objects, which are not
 * resources and are checked only through what they build into.
 */
export function patchFiles(repo: RepositorySnapshot): Set<string> {
  const files = new Set<string>();
  for (const file of repo.paths()) {
    if (!/(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file)) continue;
    const dir = path.posix.dirname(file);
    const spec = repo.yaml(file).documents[0]?.value as
      | Record<string, unknown>
      | undefined;
    const entries = [
      ...asArray(spec?.patches).map(p => (p as { path?: unknown })?.path),
      ...asArray(spec?.patchesJson6902).map(
        p => (p as { path?: unknown })?.path,
      ),
      ...asArray(spec?.patchesStrategicMerge),
    ];
    for (const entry of entries) {
      if (typeof entry === 'string') {
        files.add(
          path.posix.normalize(dir === '.' ? entry : `${dir}/${entry}`),
        );
      }
    }
  }
  return files;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
