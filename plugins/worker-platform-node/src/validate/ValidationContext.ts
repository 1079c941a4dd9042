import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { RepositorySnapshot } from './repository/RepositorySnapshot';
import { YamlDocument } from './repository/yamlDocuments';
import {
  isKubernetesObject,
  KubernetesObject,
  valueAt,
} from './repository/objects';
import {
  BuiltUnit,
  buildUnitsWithKustomize,
  readUnitsFromFiles,
} from './kustomize/buildUnits';
import { findDeployUnits } from './kustomize/deployUnits';
import {
  isKustomizeTool,
  KustomizeTool,
  KustomizeToolProblem,
} from './kustomize/KustomizeTool';

/** Where a finding about a built object should point. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/**
 * What every rule reads: the repository, and the objects each deploy unit
 * produces, built once and shared by all rule families.
 */
export class ValidationContext {
  readonly repo: RepositorySnapshot;
  /** The kustomize found on this machine, the reason none is used, or `undefined` when building was not asked for. */
  readonly kustomize: KustomizeTool | KustomizeToolProblem | undefined;
  /** The organisation's defaults the stored spec is read with. */
  readonly specDefaults: SpecDefaults;
  #units: Promise<BuiltUnit[]> | undefined;
  #sourceObjects: { doc: YamlDocument; object: KubernetesObject }[] | undefined;

  constructor(options: {
    repo: RepositorySnapshot;
    kustomize?: KustomizeTool | KustomizeToolProblem;
    specDefaults?: SpecDefaults;
  }) {
    this.repo = options.repo;
    this.kustomize = options.kustomize;
    this.specDefaults = options.specDefaults ?? {};
  }

  /** Every overlay and Application path with its objects: built with kustomize when one is available, else read from files. */
  units(): Promise<BuiltUnit[]> {
    this.#units ??= (async () => {
      const units = findDeployUnits(this.repo);
      return this.kustomize && isKustomizeTool(this.kustomize)
        ? buildUnitsWithKustomize(this.repo, units, this.kustomize)
        : readUnitsFromFiles(this.repo, units);
    })();
    return this.#units;
  }

  /** Objects from every YAML file of the repository, with their documents (for rules that read sources, not builds). */
  sourceObjects(): { doc: YamlDocument; object: KubernetesObject }[] {
    this.#sourceObjects ??= this.repo
      .yamlDocuments()
      .filter(doc => isKubernetesObject(doc.value))
      .map(doc => ({ doc, object: doc.value as KubernetesObject }));
    return this.#sourceObjects;
  }

  /**
   * The file (and line) a built object's field comes from: the source
   * document of the same kind and name that has the field, preferring
   * those inside the unit's directory (an overlay's patch over its base).
   */
  locate(
    object: KubernetesObject,
    path: readonly (string | number)[],
    unit?: BuiltUnit,
  ): SourceLocation {
    const name = object.metadata?.name;
    const candidates = this.sourceObjects()
      .filter(
        ({ object: source }) =>
          source.kind === object.kind && source.metadata?.name === name,
      )
      .sort((a, b) => rank(a.doc.file, unit) - rank(b.doc.file, unit));
    const withPath = candidates.find(
      ({ doc }) => valueAt(doc.value, path) !== undefined,
    );
    const best = withPath ?? candidates[candidates.length - 1];
    if (best) {
      return { file: best.doc.file, line: best.doc.lineOf(path) };
    }
    return { file: unit?.kustomization ?? unit?.dir ?? '.' };
  }
}

function rank(file: string, unit?: BuiltUnit): number {
  return unit && file.startsWith(`${unit.dir}/`) ? 0 : 1;
}
