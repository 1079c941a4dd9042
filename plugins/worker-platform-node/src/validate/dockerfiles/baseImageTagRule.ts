import { From } from 'dockerfile-ast';
import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';

/** Every base image names a version. */
export const baseImageTagRule: ValidationRule = {
  id: 'dockerfiles/base-image-tag',
  family: 'dockerfiles',
  why: '`latest` or no tag rebuilds on whatever the registry serves that day: unreproducible images and surprise major upgrades.',
  check({ repo }) {
    return dockerfiles(repo).flatMap(({ file, dockerfile }) => {
      const stageNames = new Set<string>();
      return dockerfile.getFROMs().flatMap((from: From) => {
        const image = from.getImageName() ?? '';
        const stage = from.getBuildStage();
        const problem =
          stageNames.has(image) || image === 'scratch' || image.includes('$')
            ? undefined
            : baseImageProblem(from);
        if (stage) stageNames.add(stage);
        return problem
          ? [
              findingOf(
                baseImageTagRule,
                { file, line: lineOf(from) },
                `FROM ${from.getImage()}: ${problem}`,
              ),
            ]
          : [];
      });
    });
  },
};

function baseImageProblem(from: From): string | undefined {
  if (from.getImageDigest()) return undefined;
  const tag = from.getImageTag();
  if (!tag) return 'the base image has no tag; pin a version';
  if (tag === 'latest') return 'the base image is tagged latest; pin a version';
  return undefined;
}
