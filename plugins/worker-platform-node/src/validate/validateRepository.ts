import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { Finding, RULE_FAMILIES, RuleFamily } from './types';
import { RepositorySnapshot } from './repository/RepositorySnapshot';
import { ValidationContext } from './ValidationContext';
import { ValidationRule } from './ValidationRule';
import {
  detectKustomizeTool,
  KustomizeTool,
  KustomizeToolProblem,
} from './kustomize/KustomizeTool';
import { validationRules } from './rules';

/**
 * Options of {@link validateRepository}.
 *
 * @public
 */
export interface ValidateRepositoryOptions {
  /** The rule families to run, all by default. */
  families?: readonly RuleFamily[];
  /**
   * Whether to build the overlays with kustomize (default `true`). Without
   * builds the rules read the overlays' resources from files, patches
   * unapplied, and the kustomize/tool rule stays quiet: the caller chose.
   */
  build?: boolean;
  /** The kustomize to build with, instead of looking for one on PATH. */
  kustomize?: KustomizeTool | KustomizeToolProblem;
  /**
   * The organisation's spec defaults, which the repository's stored spec is
   * read with, as `upgrade` reads it: a value removed from it by hand is
   * then no error while a default covers it.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Checks a generated (or hand-edited) deployment repository: builds its
 * overlays, checks every object against its schema, lints its workflows and
 * Dockerfiles, and checks that its files agree with each other.
 *
 * @param input - a directory, or the files `renderRepository` returned
 * @returns every finding, sorted by file and line; errors mean it will not deploy as intended
 * @public
 */
export async function validateRepository(
  input: string | Map<string, string>,
  options: ValidateRepositoryOptions = {},
): Promise<Finding[]> {
  const repo =
    typeof input === 'string'
      ? await RepositorySnapshot.fromDirectory(input)
      : RepositorySnapshot.fromFiles(input);
  try {
    const context = await createValidationContext(repo, options);
    const families = options.families ?? RULE_FAMILIES;
    const findings: Finding[] = [];
    for (const family of RULE_FAMILIES.filter(f => families.includes(f))) {
      findings.push(...(await runFamily(context, family)));
    }
    return sortFindings(findings);
  } finally {
    await repo.dispose();
  }
}

/** The context rules share, with kustomize detected when the family runs. */
export async function createValidationContext(
  repo: RepositorySnapshot,
  options: ValidateRepositoryOptions = {},
): Promise<ValidationContext> {
  const kustomize =
    options.build === false
      ? undefined
      : options.kustomize ?? (await detectKustomizeTool());
  return new ValidationContext({
    repo,
    kustomize,
    specDefaults: options.specDefaults,
  });
}

/** Runs one family's rules; a rule that crashes becomes an error finding rather than a silent pass. */
export async function runFamily(
  context: ValidationContext,
  family: RuleFamily,
  rules: readonly ValidationRule[] = validationRules,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of rules.filter(r => r.family === family)) {
    try {
      findings.push(...(await rule.check(context)));
    } catch (error) {
      findings.push({
        file: '.',
        rule: rule.id,
        severity: 'error',
        message: `the rule failed to run: ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
    }
  }
  return findings;
}

/** Findings in file, line, rule order, each once. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const unique = new Map(
    findings.map(f => [
      `${f.file}\0${f.line ?? 0}\0${f.rule}\0${f.message}`,
      f,
    ]),
  );
  return [...unique.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

/**
 * `file[:line]: rule: message`, the CLI's line for a finding (warnings say so first in the message).
 *
 * @public
 */
export function formatFinding(finding: Finding): string {
  const where =
    finding.line !== undefined
      ? `${finding.file}:${finding.line}`
      : finding.file;
  const severity = finding.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${finding.rule}: ${severity}${finding.message}`;
}
