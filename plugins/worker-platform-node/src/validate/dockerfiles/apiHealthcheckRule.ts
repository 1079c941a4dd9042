import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';

/** The API's image is the repository's root `Dockerfile`. */
const API_DOCKERFILE = 'Dockerfile';

/** The API image declares a HEALTHCHECK. */
export const apiHealthcheckRule: ValidationRule = {
  id: 'dockerfiles/api-healthcheck',
  family: 'dockerfiles',
  why: 'docker-compose and plain Docker hosts only restart an API that hangs if the image says how to probe it.',
  check({ repo }) {
    return dockerfiles(repo)
      .filter(({ file }) => file === API_DOCKERFILE)
      .flatMap(({ file, stages }) => {
        const final = stages[stages.length - 1];
        if (!final) return []; // dockerfiles/diagnostics reports a file with no FROM
        const healthchecks = final.filter(
          i => i.getKeyword() === 'HEALTHCHECK',
        );
        const last = healthchecks[healthchecks.length - 1];
        if (last && !/^NONE$/i.test((last.getArgumentsContent() ?? '').trim()))
          return [];
        return [
          findingOf(
            apiHealthcheckRule,
            {
              file,
              line: lineOf(last ?? final[0]),
            },
            'the API image has no HEALTHCHECK in its final stage',
          ),
        ];
      });
  },
};
