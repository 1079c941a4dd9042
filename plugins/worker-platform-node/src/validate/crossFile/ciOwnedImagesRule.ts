import path from 'node:path';
import { isCiOwnedFile } from '../../render/ciOwnedFiles';
import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowSteps } from '../workflows/workflowSteps';
import { setImageCommands, variablePattern } from './kustomizeEditCommands';

const OVERLAY_KUSTOMIZATION =
  /^k8s\/overlays\/([^/]+)\/(service-ns|worker-ns)\/kustomization\.yaml$/;

/**
 * CI writes image pins only into the CI-owned images components, and every
 * overlay applies its environment's component.
 */
export const ciOwnedImagesRule: ValidationRule = {
  id: 'cross-file/ci-owned-images',
  family: 'cross-file',
  why: 'A file both CI and the renderer write is a conflict on every re-render (upgrade, env add) after the first deploy; and an overlay that does not apply its images component runs the bootstrap build forever while CI reports deploys.',
  check({ repo }) {
    const findings: Finding[] = [];
    for (const { job, step, path: stepPath } of workflowSteps(repo)) {
      if (typeof step.run !== 'string') continue;
      const workingDirectory = String(
        step['working-directory'] ??
          job.job.defaults?.run?.['working-directory'] ??
          '.',
      );
      for (const command of setImageCommands(step.run, workingDirectory)) {
        const pattern = variablePattern(
          `${command.directory}/kustomization.yaml`,
        );
        const edited = repo.paths().filter(file => pattern.test(file));
        for (const file of edited.filter(f => !isCiOwnedFile(f))) {
          findings.push(
            findingOf(
              ciOwnedImagesRule,
              {
                file: job.doc.file,
                line: job.doc.lineOf([...stepPath, 'run']),
              },
              `job ${job.id} pins images in ${file}, which the renderer owns; pin them in k8s/overlays/<env>/images/kustomization.yaml`,
            ),
          );
        }
      }
    }

    for (const file of repo.paths()) {
      const match = OVERLAY_KUSTOMIZATION.exec(file);
      if (!match) continue;
      const component = `k8s/overlays/${match[1]}/images/kustomization.yaml`;
      if (!repo.paths().includes(component)) continue;
      const doc = repo.yaml(file).documents[0];
      const components = (doc?.value as { components?: unknown })?.components;
      const listed = (Array.isArray(components) ? components : []).some(
        entry =>
          typeof entry === 'string' &&
          path.posix.normalize(
            path.posix.join(path.posix.dirname(file), entry),
          ) === path.posix.dirname(component),
      );
      if (!listed) {
        findings.push(
          findingOf(
            ciOwnedImagesRule,
            { file, line: doc?.lineOf(['components']) },
            `${file} does not list ../images, so CI's pins (${component}) never reach this overlay`,
          ),
        );
      }
    }
    return findings;
  },
};
