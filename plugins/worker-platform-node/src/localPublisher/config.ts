import { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';

/**
 * Settings of the local publisher (the scaffolder module's
 * `worker-platform:publish:local`) and of the catalog module's scan of its
 * repositories; both modules read them here, so neither depends on the other.
 *
 * @public
 */
export interface LocalPublisherConfig {
  /**
   * Absolute directory holding one git repository per published service:
   * `<directory>/<repoName>`, with `catalog-info.yaml` at its root. Hidden
   * (dot) children are the publisher's unfinished staging copies.
   */
  directory: string;
}

/**
 * Reads `workerPlatform.localPublisher`. Without it repositories go to
 * `<os tmp>/worker-platform-repos`, so `yarn start` works with no config.
 *
 * @public
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
