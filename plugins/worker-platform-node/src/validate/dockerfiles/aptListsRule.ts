import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';

const APT = /\bapt-get\s+(update|install)\b/;
const CLEANED = /rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/;

/** A RUN that uses apt removes the package lists in the same layer. */
export const aptListsRule: ValidationRule = {
  id: 'dockerfiles/apt-lists',
  family: 'dockerfiles',
  why: 'apt lists left in a layer add tens of MB to every image and go stale; remove them in the same RUN that fetched them.',
  check({ repo }) {
    return dockerfiles(repo).flatMap(({ file, dockerfile }) =>
      dockerfile
        .getInstructions()
        .filter(i => i.getKeyword() === 'RUN')
        .filter(i => {
          const script = i.getArgumentsContent() ?? '';
          return APT.test(script) && !CLEANED.test(script);
        })
        .map(i =>
          findingOf(
            aptListsRule,
            { file, line: lineOf(i) },
            'RUN uses apt-get but does not rm -rf /var/lib/apt/lists/* in the same layer',
          ),
        ),
    );
  },
};
