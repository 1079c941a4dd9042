export { validateRepository, formatFinding } from './validateRepository';
export type { ValidateRepositoryOptions } from './validateRepository';
export { RULE_FAMILIES } from './types';
export type { Finding, FindingSeverity, RuleFamily } from './types';
export { detectKustomizeTool } from './kustomize/KustomizeTool';
export type {
  CommandRunner,
  KustomizeTool,
  KustomizeToolProblem,
  KustomizeBuildResult,
} from './kustomize/KustomizeTool';
