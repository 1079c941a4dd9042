import fs from 'fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  parseSpec,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import {
  demoSpecDefaults,
  repositoryRootPath,
} from '@worker-platform/plugin-worker-platform-test-utils';

export {
  demoSpecDefaults,
  repositoryRootPath,
} from '@worker-platform/plugin-worker-platform-test-utils';

/** The golden cases that render a repository (the examples, and canary). */
export type GoldenSpecName = 'pingvasai' | 'minimal' | 'large' | 'canary';

/** A directory of this package's testdata. */
export function testdataPath(...segments: string[]): string {
  return resolvePackagePath(
    '@worker-platform/plugin-worker-platform-node',
    'testdata',
    ...segments,
  );
}

/**
 * The spec of a golden case: its own `testdata/<name>/spec.yaml` when it has
 * one (canary, the error cases), otherwise the example it renders,
 * `examples/specs/<name>.yaml`, read where it lives rather than copied, so
 * the goldens always show what the documented examples render.
 */
export function goldenSpecFile(name: string): string {
  const own = testdataPath(name, 'spec.yaml');
  if (fs.existsSync(own)) return own;
  const example = repositoryRootPath('examples', 'specs', `${name}.yaml`);
  if (fs.existsSync(example)) return example;
  throw new Error(`golden case ${name}: neither ${own} nor ${example} exists`);
}

/** Every golden case that renders a repository. */
export const goldenSpecNames: GoldenSpecName[] = [
  'pingvasai',
  'minimal',
  'large',
  'canary',
];

/** A golden case's spec, parsed; fails loudly if it is not valid. */
export function exampleSpec(name: GoldenSpecName): WorkerPlatformSpec {
  return parseOrThrow(fs.readFileSync(goldenSpecFile(name), 'utf8'));
}

/** Parses spec text that a test expects to be valid, with the demo's defaults. */
export function parseOrThrow(text: string): WorkerPlatformSpec {
  const result = parseSpec(text, demoSpecDefaults());
  if (!result.ok) {
    throw new Error(
      `test spec is invalid: ${result.errors
        .map(e => `${e.path}: ${e.message}`)
        .join('; ')}`,
    );
  }
  return result.spec;
}
