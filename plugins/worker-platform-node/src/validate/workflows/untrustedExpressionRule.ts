import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowSteps } from './workflowSteps';

// Values an outsider controls: event payloads (titles, bodies, branch names,
// commit messages) and the head branch of a pull request.
const UNTRUSTED = /\bgithub\.(event\.|head_ref\b)|\binputs\./;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** No untrusted value is expanded into a shell script. */
export const untrustedExpressionRule: ValidationRule = {
  id: 'workflows/untrusted-expression',
  family: 'workflows',
  why: '`${{ }}` is pasted into `run:` before the shell parses it, so a crafted PR title or branch name runs as code; pass it through `env:`.',
  check({ repo }) {
    return workflowSteps(repo).flatMap(({ job, step, path }) => {
      if (typeof step.run !== 'string') return [];
      return [...step.run.matchAll(EXPRESSION)]
        .filter(match => UNTRUSTED.test(match[1]))
        .map(match =>
          findingOf(
            untrustedExpressionRule,
            { file: job.doc.file, line: job.doc.lineOf([...path, 'run']) },
            `run: expands ${match[0].trim()} directly into the script; set it as an env variable and use "$VAR"`,
          ),
        );
    });
  },
};
