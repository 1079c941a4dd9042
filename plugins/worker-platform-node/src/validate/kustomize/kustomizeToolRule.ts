import { findingOf, ValidationRule } from '../ValidationRule';
import { isKustomizeTool } from './KustomizeTool';

/** Says loudly when overlays could not be built, so a missing tool is never a silent pass. */
export const kustomizeToolRule: ValidationRule = {
  id: 'kustomize/tool',
  family: 'kustomize',
  why: 'Without kustomize v4+ (or kubectl 1.21+) nothing proves the overlays build; say so instead of passing.',
  check({ kustomize }) {
    if (!kustomize || isKustomizeTool(kustomize)) return [];
    return [
      findingOf(kustomizeToolRule, { file: '.' }, kustomize.message, 'warning'),
    ];
  },
};
