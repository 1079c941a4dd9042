import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';

const REMOTE = /^(https?:\/\/|git@|ssh:\/\/)/;

/** Remote files are fetched in a RUN with a checksum, not with ADD. */
export const addUrlRule: ValidationRule = {
  id: 'dockerfiles/no-add-url',
  family: 'dockerfiles',
  why: '`ADD <url>` downloads whatever the URL serves at build time, unverified and uncached; fetch with curl and check a checksum.',
  check({ repo }) {
    return dockerfiles(repo).flatMap(({ file, dockerfile }) =>
      dockerfile
        .getInstructions()
        .filter(i => i.getKeyword() === 'ADD')
        .flatMap(i =>
          i
            .getArguments()
            .map(argument => argument.getValue())
            .filter(value => REMOTE.test(value))
            .map(url =>
              findingOf(
                addUrlRule,
                { file, line: lineOf(i) },
                `ADD ${url} downloads unverified content; use RUN curl with a checksum`,
              ),
            ),
        ),
    );
  },
};
