import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { Finding } from '../types';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { ValidationContext } from '../ValidationContext';
import { ValidationRule } from '../ValidationRule';
import {
  KustomizeTool,
  KustomizeToolProblem,
} from '../kustomize/KustomizeTool';

/**
 * Runs one rule over files given inline, without building anything unless
 * a tool is passed, reading the stored spec with `specDefaults` if given.
 */
export async function checkRule(
  rule: ValidationRule,
  files: Record<string, string>,
  kustomize?: KustomizeTool | KustomizeToolProblem,
  specDefaults?: SpecDefaults,
): Promise<Finding[]> {
  const repo = RepositorySnapshot.fromFiles(new Map(Object.entries(files)));
  try {
    return await rule.check(
      new ValidationContext({ repo, kustomize, specDefaults }),
    );
  } finally {
    await repo.dispose();
  }
}

/** Joins lines, so fixtures read like the files they stand for. */
export const lines = (...text: string[]) => `${text.join('\n')}\n`;
