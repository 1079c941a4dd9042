import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowSteps } from './workflowSteps';

/** No workflow pushes commits: deploys and promotions arrive as pull requests. */
export const branchPushRule: ValidationRule = {
  id: 'workflows/branch-push',
  family: 'workflows',
  why: 'Environment branches are protected; a workflow that pushes to them fails there, or, where it is allowed, changes what runs without review. Open a pull request instead (ci.yml and promote.yml do).',
  check({ repo }) {
    const findings: Finding[] = [];
    for (const { job, step, path } of workflowSteps(repo)) {
      if (typeof step.run !== 'string' || !/\bgit\s+push\b/.test(step.run)) {
        continue;
      }
      findings.push(
        findingOf(
          branchPushRule,
          { file: job.doc.file, line: job.doc.lineOf([...path, 'run']) },
          `job ${job.id} runs git push; open a pull request instead`,
        ),
      );
    }
    return findings;
  },
};
