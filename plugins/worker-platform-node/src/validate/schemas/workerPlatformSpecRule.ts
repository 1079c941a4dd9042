import {
  parseSpec,
  WORKER_PLATFORM_KIND,
} from '@worker-platform/plugin-worker-platform-common';
import { findingOf, ValidationRule } from '../ValidationRule';

/** The spec a repository was rendered from, kept for re-rendering. */
export const SPEC_FILE = '.worker-platform/spec.yaml';

/** The repository's own WorkerPlatform spec is still valid. */
export const workerPlatformSpecRule: ValidationRule = {
  id: 'schemas/worker-platform-spec',
  family: 'schemas',
  why: `The repository is re-rendered from ${SPEC_FILE}; a hand edit that breaks it breaks the next upgrade.`,
  check({ repo, specDefaults }) {
    const text = repo.read(SPEC_FILE);
    if (text === undefined || !text.includes(WORKER_PLATFORM_KIND)) return [];
    const result = parseSpec(text, specDefaults);
    return result.ok
      ? []
      : result.errors.map(error =>
          findingOf(
            workerPlatformSpecRule,
            { file: SPEC_FILE, line: error.line },
            `${error.path || '(document)'}: ${error.message}`,
          ),
        );
  },
};
