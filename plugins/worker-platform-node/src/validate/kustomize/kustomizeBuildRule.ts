import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { isKustomizeTool } from './KustomizeTool';

/** Every overlay and every Application `source.path` must build. */
export const kustomizeBuildRule: ValidationRule = {
  id: 'kustomize/build',
  family: 'kustomize',
  why: 'ArgoCD runs `kustomize build` on each source.path; a directory that does not build never deploys.',
  async check(context) {
    const built = context.kustomize && isKustomizeTool(context.kustomize);
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      // Without a tool only a missing directory or kustomization is certain.
      if (!unit.error || (!built && unit.kustomization)) continue;
      const firstLine = unit.error.split('\n')[0];
      if (unit.kustomization) {
        findings.push(
          findingOf(
            kustomizeBuildRule,
            { file: unit.kustomization },
            `${unit.dir} does not build: ${firstLine}`,
          ),
        );
      }
      for (const ref of unit.applications) {
        findings.push(
          findingOf(
            kustomizeBuildRule,
            ref,
            `Application ${ref.application} deploys ${unit.dir}, which does not build: ${firstLine}`,
          ),
        );
      }
    }
    return findings;
  },
};
