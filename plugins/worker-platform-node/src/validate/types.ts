/**
 * How bad a finding is: errors fail validation, warnings only inform.
 *
 * @public
 */
export type FindingSeverity = 'error' | 'warning';

/**
 * One problem found in a repository, pointing at the file to change.
 *
 * @public
 */
export interface Finding {
  /** Repository-relative posix path; `.` for the repository as a whole. */
  file: string;
  /** 1-based line in `file`, when the problem has one. */
  line?: number;
  /** The rule that found it, `<family>/<name>`. */
  rule: string;
  severity: FindingSeverity;
  message: string;
}

/**
 * The families rules are grouped in, in the order they run.
 *
 * @public
 */
export const RULE_FAMILIES = [
  'kustomize',
  'schemas',
  'workflows',
  'dockerfiles',
  'cross-file',
] as const;

/**
 * One of {@link RULE_FAMILIES}.
 *
 * @public
 */
export type RuleFamily = (typeof RULE_FAMILIES)[number];
