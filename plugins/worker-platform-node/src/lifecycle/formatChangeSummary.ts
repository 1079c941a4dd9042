import { ChangeSummary, CONFLICTS_DIRECTORY } from './planReRender';

/**
 * The change summary as lines for a terminal or a log: counts, then every
 * changed path; unchanged files and CI's image pins are only counted.
 *
 * @public
 */
export function formatChangeSummary(summary: ChangeSummary): string {
  const lines = [
    `${summary.added.length} added, ${summary.updated.length} updated, ${summary.removed.length} removed, ${summary.conflicts.length} conflict(s), ${summary.unchanged.length} unchanged, ${summary.ciOwned.length} left to CI (image pins)`,
    ...summary.added.map(file => `  added      ${file}`),
    ...summary.updated.map(file => `  updated    ${file}`),
    ...summary.removed.map(file => `  removed    ${file}`),
    ...summary.conflicts.map(file => `  conflict   ${file} (kept as edited)`),
  ];
  if (summary.conflicts.length > 0) {
    lines.push(
      `The new version of each conflicting file that is still generated is in ${CONFLICTS_DIRECTORY}/<path>.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
