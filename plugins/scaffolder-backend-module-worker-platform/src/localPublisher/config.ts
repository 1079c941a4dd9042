import { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';

/** Settings of the local publisher and of the catalog's scan of its repositories. */
export interface LocalPublisherConfig {
  /** Absolute directory holding one git repository per published service. */
  directory: string;
}

/**
 * Reads `workerPlatform.localPublisher`. Without it repositories go to
 * `<os tmp>/worker-platform-repos`, so `yarn start` works with no config.
 */
export function readLocalPublisherConfig(config: Config): LocalPublisherConfig {
  const directory = config.getOptionalString(
    'workerPlatform.localPublisher.directory',
  );
  return {
    directory: path.resolve(
      directory ?? path.join(os.tmpdir(), 'worker-platform-repos'),
    ),
  };
}
