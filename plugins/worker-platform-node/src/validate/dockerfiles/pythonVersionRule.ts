import { findingOf, ValidationRule } from '../ValidationRule';
import { dockerfiles, lineOf } from './dockerfiles';
import { workflowJobs } from '../workflows/workflowSteps';

/** The Python of Ubuntu releases, which CUDA's images are built on. */
const UBUNTU_PYTHON: Record<string, string> = {
  '20.04': '3.8',
  '22.04': '3.10',
  '24.04': '3.12',
};

/** The Python of base images that ship one: official images by tag, Ubuntu-based CUDA images by release. */
export function basePython(
  image: string,
  tag: string | null | undefined,
): string | undefined {
  if (image === 'python' || image.endsWith('/python')) {
    return /^(\d+\.\d+)/.exec(tag ?? '')?.[1];
  }
  const ubuntu = /ubuntu(\d+\.\d+)$/.exec(tag ?? '')?.[1];
  return ubuntu ? UBUNTU_PYTHON[ubuntu] : undefined;
}

/** Every image, the CI test job and mypy run one Python version. */
export const pythonVersionRule: ValidationRule = {
  id: 'dockerfiles/python-version',
  family: 'dockerfiles',
  why: 'Code tested and type-checked on one Python and run on another breaks in production on what the tests never saw (syntax, removed modules, wheels that do not exist for it).',
  check({ repo }) {
    const ci = workflowJobs(repo)
      .map(
        job =>
          (job.doc.value as { env?: Record<string, unknown> })?.env
            ?.PYTHON_VERSION,
      )
      .find(v => v !== undefined);
    const mypy = /^python_version\s*=\s*"([^"]+)"/m.exec(
      repo.read('pyproject.toml') ?? '',
    )?.[1];
    const expected = ci !== undefined ? String(ci) : mypy;
    if (!expected) return [];
    const findings = dockerfiles(repo).flatMap(({ file, dockerfile }) =>
      dockerfile.getFROMs().flatMap(from => {
        const version = basePython(
          from.getImageName() ?? '',
          from.getImageTag(),
        );
        return version && version !== expected
          ? [
              findingOf(
                pythonVersionRule,
                { file, line: lineOf(from) },
                `FROM ${from.getImage()} runs Python ${version}, but CI tests on ${expected}`,
              ),
            ]
          : [];
      }),
    );
    if (mypy && mypy !== expected) {
      findings.push(
        findingOf(
          pythonVersionRule,
          { file: 'pyproject.toml' },
          `mypy checks Python ${mypy}, but CI tests on ${expected}`,
        ),
      );
    }
    return findings;
  },
};
