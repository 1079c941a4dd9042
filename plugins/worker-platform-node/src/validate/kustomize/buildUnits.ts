import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { isKubernetesObject, KubernetesObject } from '../repository/objects';
import { kustomizationResources } from './kustomizationResources';
import { DeployUnit } from './deployUnits';
import { KustomizeTool } from './KustomizeTool';

/** A deploy unit with the objects it produces. */
export interface BuiltUnit extends DeployUnit {
  /** `kustomize` when a tool built it; `files` when its resources were read without transforms. */
  via: 'kustomize' | 'files';
  objects: KubernetesObject[];
  /** Why it did not build (then `objects` is empty). */
  error?: string;
}

// Two builds at a time: each is a process, and the machines are small.
const BUILD_CONCURRENCY = 2;

/** Builds every unit with the tool, two at a time. */
export async function buildUnitsWithKustomize(
  repo: RepositorySnapshot,
  units: DeployUnit[],
  tool: KustomizeTool,
): Promise<BuiltUnit[]> {
  const root = await repo.directory();
  const results: BuiltUnit[] = new Array(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const index = next++;
      const unit = units[index];
      if (!unit.kustomization) {
        results[index] = {
          ...unit,
          via: 'kustomize',
          objects: [],
          error: repo.paths().some(f => f.startsWith(`${unit.dir}/`))
            ? 'the directory has no kustomization.yaml'
            : 'the directory does not exist',
        };
        continue;
      }
      const result = await tool.build(path.join(root, ...unit.dir.split('/')));
      results[index] = result.ok
        ? { ...unit, via: 'kustomize', objects: parseObjects(result.output) }
        : {
            ...unit,
            via: 'kustomize',
            objects: [],
            error: result.error.split(root + path.sep).join(''),
          };
    }
  };
  await Promise.all(Array.from({ length: BUILD_CONCURRENCY }, worker));
  return results;
}

/**
 * Collects every unit's resources by following its kustomizations'
 * `resources` and `components`, without applying patches or transforms:
 * what the other rule families check when kustomize is not run.
 */
export function readUnitsFromFiles(
  repo: RepositorySnapshot,
  units: DeployUnit[],
): BuiltUnit[] {
  return units.map(unit => ({
    ...unit,
    via: 'files',
    objects: unit.kustomization ? kustomizationResources(repo, unit.dir) : [],
    error: unit.kustomization
      ? undefined
      : 'the directory has no kustomization.yaml',
  }));
}

function parseObjects(output: string): KubernetesObject[] {
  const docs = parseAllDocuments(output);
  // An empty build output parses to an empty stream, not a list.
  return Array.isArray(docs)
    ? docs.map(doc => doc.toJS()).filter(isKubernetesObject)
    : [];
}
