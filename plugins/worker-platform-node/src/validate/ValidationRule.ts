import { Finding, FindingSeverity, RuleFamily } from './types';
import { ValidationContext } from './ValidationContext';

/** One check over a repository, small enough to test on its own. */
export interface ValidationRule {
  /** `<family>/<name>`, printed with every finding. */
  id: string;
  family: RuleFamily;
  /** One line: why the rule exists (shown in docs). */
  why: string;
  check(context: ValidationContext): Promise<Finding[]> | Finding[];
}

/** A finding of `rule`, an error unless said otherwise. */
export function findingOf(
  rule: Pick<ValidationRule, 'id'>,
  at: { file: string; line?: number },
  message: string,
  severity: FindingSeverity = 'error',
): Finding {
  return {
    file: at.file,
    ...(at.line !== undefined ? { line: at.line } : {}),
    rule: rule.id,
    severity,
    message,
  };
}
