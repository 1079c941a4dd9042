import fs from 'node:fs';
import path from 'node:path';
import {
  formatSpecErrors,
  parseSpecDefaults,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';

/** A file at the root of this monorepo (the examples, app-config.yaml). */
export function repositoryRootPath(...segments: string[]): string {
  // About the source tree rather than an installed package: this private
  // package only ever runs from the monorepo that holds it.
  // eslint-disable-next-line no-restricted-syntax
  return path.resolve(__dirname, '../../..', ...segments);
}

let demoDefaults: SpecDefaults | undefined;

/**
 * The organisation defaults of the demo app (`workerPlatform.defaults` in
 * this repository's app-config.yaml): test specs that leave out the owner,
 * registry or API host are parsed with them, so a test renders what the demo
 * renders. Read from the one file, so no package keeps a copy.
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
