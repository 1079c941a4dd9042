import { isCiOwnedFile } from '../render/ciOwnedFiles';
import {
  contentHash,
  RENDER_MANIFEST_PATH,
  RenderManifest,
  SPEC_PATH,
} from './renderManifest';

/**
 * Where the new version of a hand-edited file is put instead of over it.
 *
 * @public
 */
export const CONFLICTS_DIRECTORY = '.worker-platform/conflicts';

/**
 * What a re-render did (or, in a dry run, would do) to each file, paths
 * sorted.
 *
 * @public
 */
export interface ChangeSummary {
  /** Generated files that did not exist. */
  added: string[];
  /** Pristine generated files given new content. */
  updated: string[];
  /** Pristine generated files the new spec no longer produces. */
  removed: string[];
  /**
   * Files left as they are because someone changed them: their new version,
   * if there is one, is under `.worker-platform/conflicts/<path>`.
   */
  conflicts: string[];
  /** Generated files whose content stays the same. */
  unchanged: string[];
  /**
   * Files CI owns (each environment's image pins), left as CI wrote them
   * whatever the new render holds.
   */
  ciOwned: string[];
}

/** What {@link planReRender} decided: everything to write and delete. */
export interface ReRenderPlan {
  summary: ChangeSummary;
  /** Files to write, generated files and conflict proposals alike. */
  writes: Map<string, string>;
  /** Files to delete. */
  removals: string[];
}

/** The inputs of {@link planReRender}, all read before anything is decided. */
export interface ReRenderPlanInput {
  /** The new render, manifest included. */
  next: ReadonlyMap<string, string>;
  /** The manifest on disk; absent for a repository rendered before manifests. */
  previous?: RenderManifest;
  /** The content on disk of every path in `next` or `previous`; undefined when missing. */
  current: ReadonlyMap<string, string | undefined>;
  /** Conflict proposals a previous re-render left, relative to the repository. */
  existingProposals: readonly string[];
}

/**
 * The tool's own files: the spec is the input of every re-render and the
 * manifest describes the result, so both always take the new content.
 */
const TOOL_FILES = new Set([SPEC_PATH, RENDER_MANIFEST_PATH]);

/**
 * The path a conflicting file's new version is written to.
 *
 * @public
 */
export function conflictProposalPath(file: string): string {
  return `${CONFLICTS_DIRECTORY}/${file}`;
}

/**
 * Decides, file by file, how a repository moves to a new render without
 * losing a hand edit. A file is pristine when its content still has the
 * hash the manifest recorded; only pristine files are overwritten or
 * removed. Without a manifest nothing is pristine, so every file that
 * differs from its new version is a conflict.
 */
export function planReRender(input: ReRenderPlanInput): ReRenderPlan {
  const { next, previous, current } = input;
  const summary: ChangeSummary = {
    added: [],
    updated: [],
    removed: [],
    conflicts: [],
    unchanged: [],
    ciOwned: [],
  };
  const writes = new Map<string, string>();
  const removals: string[] = [];
  const isPristine = (file: string, content: string) =>
    previous?.files[file] === contentHash(content);

  const wasCiOwned = new Set(previous?.ciOwned ?? []);
  for (const [file, content] of next) {
    const existing = current.get(file);
    if (isCiOwnedFile(file)) {
      // CI's, whatever it holds now; written only when it is missing.
      if (existing === undefined) {
        summary.added.push(file);
        writes.set(file, content);
      } else {
        summary.ciOwned.push(file);
      }
    } else if (existing === content) {
      summary.unchanged.push(file);
    } else if (existing === undefined && !previous?.files[file]) {
      summary.added.push(file);
      writes.set(file, content);
    } else if (
      TOOL_FILES.has(file) ||
      (existing !== undefined && isPristine(file, existing))
    ) {
      (existing === undefined ? summary.added : summary.updated).push(file);
      writes.set(file, content);
    } else {
      // Edited, or deleted on purpose: keep the person's version, offer ours.
      summary.conflicts.push(file);
      writes.set(conflictProposalPath(file), content);
    }
  }

  for (const file of [...Object.keys(previous?.files ?? {}), ...wasCiOwned]) {
    const existing = current.get(file);
    if (next.has(file) || existing === undefined) continue;
    // CI's pins of an environment the spec no longer has go with it.
    if (wasCiOwned.has(file) || isPristine(file, existing)) {
      summary.removed.push(file);
      removals.push(file);
    } else {
      summary.conflicts.push(file);
    }
  }

  // Proposals describe the latest re-render only; older ones would mislead.
  for (const proposal of input.existingProposals) {
    if (!writes.has(proposal)) removals.push(proposal);
  }

  for (const list of Object.values(summary)) list.sort();
  return { summary, writes, removals: removals.sort() };
}
