import { Config } from '@backstage/config';
import {
  formatSpecErrors,
  SPEC_DEFAULTS_CONFIG_PATH,
  SpecDefaults,
  validateSpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * Reads `workerPlatform.defaults`: the organisation's values for the fields
 * a spec may leave out (owner, registry, API domain). None without it, and
 * then a spec must give them itself. A value in the wrong format or an
 * unknown key fails the backend's start, naming the key, rather than every
 * later render.
 */
export function readSpecDefaultsConfig(config: Config): SpecDefaults {
  const result = validateSpecDefaults(
    config.getOptional(SPEC_DEFAULTS_CONFIG_PATH),
  );
  if (!result.ok) {
    throw new Error(
      `Invalid ${SPEC_DEFAULTS_CONFIG_PATH} in app-config:\n${formatSpecErrors(
        result.errors,
      )}`,
    );
  }
  return result.defaults;
}
