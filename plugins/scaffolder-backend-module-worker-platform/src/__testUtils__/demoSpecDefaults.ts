import fs from 'node:fs';
import path from 'node:path';
import {
  formatSpecErrors,
  parseSpecDefaults,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * The organisation defaults of the demo app (`workerPlatform.defaults` in
 * this repository's app-config.yaml), so that tests render what the demo
 * renders.
 */
export function demoSpecDefaults(): SpecDefaults {
  const file = path.resolve(__dirname, '../../../../app-config.yaml');
  const result = parseSpecDefaults(fs.readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(formatSpecErrors(result.errors, file));
  return result.defaults;
}
