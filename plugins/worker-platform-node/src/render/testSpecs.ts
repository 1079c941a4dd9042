import fs from 'fs';
import path from 'path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  formatSpecErrors,
  parseSpec,
  parseSpecDefaults,
  SpecDefaults,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';

/** The golden cases that render a repository (examples/specs copies, and canary). */
export type GoldenSpecName = 'pingvasai' | 'minimal' | 'large' | 'canary';

/** A directory of this package's testdata. */
export function testdataPath(...segments: string[]): string {
  return resolvePackagePath(
    '@worker-platform/plugin-worker-platform-node',
    'testdata',
    ...segments,
  );
}

/** A file at the root of this monorepo (the examples, app-config.yaml). */
export function repositoryRootPath(...segments: string[]): string {
  // Test-only, and about the source tree rather than the installed package:
  // the monorepo root holding this very file, wherever the package resolves.
  // eslint-disable-next-line no-restricted-syntax
  return path.resolve(__dirname, '../../../..', ...segments);
}

let demoDefaults: SpecDefaults | undefined;

/**
 * The organisation defaults of the demo app (`workerPlatform.defaults` in
 * this repository's app-config.yaml): test specs that leave out the owner,
 * registry or API host are parsed with them, so a test renders what the demo
 * renders.
 */
export function demoSpecDefaults(): SpecDefaults {
  if (!demoDefaults) {
    const file = repositoryRootPath('app-config.yaml');
    const result = parseSpecDefaults(fs.readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error(formatSpecErrors(result.errors, file));
    demoDefaults = result.defaults;
  }
  return demoDefaults;
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
  return parseOrThrow(fs.readFileSync(testdataPath(name, 'spec.yaml'), 'utf8'));
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
