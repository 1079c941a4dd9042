import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowJobs, workflowSteps } from './workflowSteps';

const PINNED = /^[^@\s]+@[0-9a-f]{40}$/;

/** Every action and reusable workflow from another repository is pinned to a commit. */
export const pinnedActionsRule: ValidationRule = {
  id: 'workflows/pinned-actions',
  family: 'workflows',
  why: 'A tag or branch (`@master`, `@v3`) can be moved to other code after review; only a full commit SHA is immutable.',
  check({ repo }) {
    const uses = [
      ...workflowSteps(repo).map(s => ({
        doc: s.job.doc,
        value: s.step.uses,
        path: [...s.path, 'uses'],
      })),
      ...workflowJobs(repo).map(j => ({
        doc: j.doc,
        value: j.job.uses,
        path: [...j.path, 'uses'],
      })),
    ];
    return uses
      .filter(({ value }) => typeof value === 'string')
      .filter(
        ({ value }) =>
          !value.startsWith('./') && !value.startsWith('docker://'),
      )
      .filter(({ value }) => !PINNED.test(value))
      .map(({ doc, value, path }) =>
        findingOf(
          pinnedActionsRule,
          { file: doc.file, line: doc.lineOf(path) },
          `${value} is not pinned to a full 40-character commit SHA`,
        ),
      );
  },
};
