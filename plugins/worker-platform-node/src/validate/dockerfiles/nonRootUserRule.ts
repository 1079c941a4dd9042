import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';

const ROOT = /^(root|0)(:(root|0))?$/;

/** The image that ships runs as a non-root user. */
export const nonRootUserRule: ValidationRule = {
  id: 'dockerfiles/non-root-user',
  family: 'dockerfiles',
  why: 'An image whose last USER is root (or unset) runs as root wherever no securityContext overrides it (docker-compose, a copied pod spec), and root widens any breakout.',
  check({ repo }) {
    return dockerfiles(repo).flatMap(({ file, stages }) => {
      const final = stages[stages.length - 1];
      if (!final) return [];
      const users = final.filter(i => i.getKeyword() === 'USER');
      const last = users[users.length - 1];
      if (!last) {
        return [
          findingOf(
            nonRootUserRule,
            { file, line: lineOf(final[0]) },
            'the final stage sets no USER, so the image runs as root',
          ),
        ];
      }
      const user = (last.getArgumentsContent() ?? '').trim();
      return ROOT.test(user)
        ? [
            findingOf(
              nonRootUserRule,
              { file, line: lineOf(last) },
              `the final stage runs as ${user}`,
            ),
          ]
        : [];
    });
  },
};
