import { validate } from 'dockerfile-utils';
import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles } from './dockerfiles';

// LSP severities as dockerfile-utils reports them.
const LSP_ERROR = 1;

/** dockerfile-utils' diagnostics: syntax, unknown instructions, bad flags. */
export const dockerfileDiagnosticsRule: ValidationRule = {
  id: 'dockerfiles/diagnostics',
  family: 'dockerfiles',
  why: 'A Dockerfile that does not parse, or misuses an instruction, fails the image build in CI after the merge.',
  check({ repo }) {
    return dockerfiles(repo).flatMap(({ file, text }) =>
      validate(text).map(diagnostic =>
        findingOf(
          dockerfileDiagnosticsRule,
          { file, line: diagnostic.range.start.line + 1 },
          typeof diagnostic.message === 'string'
            ? diagnostic.message
            : diagnostic.message.value,
          diagnostic.severity === LSP_ERROR ? 'error' : 'warning',
        ),
      ),
    );
  },
};
