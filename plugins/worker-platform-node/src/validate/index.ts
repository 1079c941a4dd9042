export { validateRepository, formatFinding } from './validateRepository';
export type { ValidateRepositoryOptions } from './validateRepository';
export { validationRules } from './rules';
export type { ValidationRule } from './ValidationRule';
export { RULE_FAMILIES } from './types';
export type { Finding, FindingSeverity, RuleFamily } from './types';
export { detectKustomizeTool } from './kustomize/KustomizeTool';
export type {
  KustomizeTool,
  KustomizeToolProblem,
  KustomizeBuildResult,
} from './kustomize/KustomizeTool';
