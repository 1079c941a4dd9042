import path from 'node:path';
import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowSteps } from '../workflows/workflowSteps';
import { setImageCommands, variablePattern } from './kustomizeEditCommands';

/** The images CI sets with `kustomize edit set image` are the overlays' images. */
export const ciImagesRule: ValidationRule = {
  id: 'cross-file/ci-images',
  family: 'cross-file',
  why: '`kustomize edit set image` on a name the overlay does not use adds an unused entry and succeeds, so every deploy silently keeps the old image.',
  check({ repo }) {
    const kustomizations = repo
      .paths()
      .filter(file => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file))
      .map(file => ({ file, dir: path.posix.dirname(file) }));
    const findings: Finding[] = [];
    for (const { job, step, path: stepPath } of workflowSteps(repo)) {
      if (typeof step.run !== 'string') continue;
      const workingDirectory =
        step['working-directory'] ??
        job.job.defaults?.run?.['working-directory'] ??
        '.';
      const at = {
        file: job.doc.file,
        line: job.doc.lineOf([...stepPath, 'run']),
      };
      for (const command of setImageCommands(
        step.run,
        String(workingDirectory),
      )) {
        const dirPattern = variablePattern(command.directory);
        const targets = kustomizations.filter(k => dirPattern.test(k.dir));
        if (targets.length === 0) {
          findings.push(
            findingOf(
              ciImagesRule,
              at,
              `kustomize edit set image runs in ${command.directory}, which has no kustomization`,
            ),
          );
          continue;
        }
        for (const target of targets) {
          const images = (
            (
              repo.yaml(target.file).documents[0]?.value as {
                images?: { name?: string }[];
              }
            )?.images ?? []
          )
            .map(image => image?.name)
            .filter((name): name is string => typeof name === 'string');
          for (const name of command.images) {
            const pattern = variablePattern(name);
            if (!images.some(image => pattern.test(image))) {
              findings.push(
                findingOf(
                  ciImagesRule,
                  at,
                  `kustomize edit set image ${name} in ${target.dir}: ${
                    target.file
                  } has no images entry named ${name}${
                    images.length ? ` (it has ${images.join(', ')})` : ''
                  }, so the deploy keeps the old image`,
                ),
              );
            }
          }
        }
      }
    }
    return findings;
  },
};
