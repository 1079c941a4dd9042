import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import { FSWatcher, promises as fs, watch } from 'node:fs';
import path from 'node:path';

/**
 * Options of {@link LocalRepositoryEntityProvider}.
 *
 * @public
 */
export interface LocalRepositoryEntityProviderOptions {
  /** The local publisher's directory; each child directory is one repository. */
  directory: string;
  logger: LoggerService;
}

/**
 * Registers the `catalog-info.yaml` of every repository the local publisher
 * created, as a `file` Location. The catalog API only accepts `url`
 * locations, and a file:// URL has no reader, so the catalog is fed the
 * directory's content instead: rescanned when the directory changes and
 * whenever {@link LocalRepositoryEntityProvider.refresh} runs on its schedule.
 * Since the scan is the source of truth, repositories come back after a
 * restart with an in-memory catalog, and deleted ones disappear.
 *
 * @public
 */
export class LocalRepositoryEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private watcher?: FSWatcher;
  private rescan?: NodeJS.Timeout;

  constructor(private readonly options: LocalRepositoryEntityProviderOptions) {}

  getProviderName(): string {
    return 'worker-platform-local-repositories';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await fs.mkdir(this.options.directory, { recursive: true });
    this.watcher = watch(this.options.directory, () => this.scheduleRefresh());
    this.watcher.on('error', error =>
      this.options.logger.warn(
        `Stopped watching ${this.options.directory}; new repositories appear on the next scheduled scan`,
        error,
      ),
    );
    await this.refresh();
  }

  /** Stops watching the directory. */
  close(): void {
    clearTimeout(this.rescan);
    this.watcher?.close();
  }

  /** Replaces this provider's Locations with the directory's repositories. */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const targets = await this.catalogInfoFiles();
    await this.connection.applyMutation({
      type: 'full',
      entities: targets.map(target => ({
        entity: locationSpecToLocationEntity({
          location: { type: 'file', target },
        }),
        locationKey: `${this.getProviderName()}:${this.options.directory}`,
      })),
    });
  }

  /** Batches the bursts of events one repository's rename causes. */
  private scheduleRefresh() {
    clearTimeout(this.rescan);
    this.rescan = setTimeout(() => {
      this.refresh().catch(error =>
        this.options.logger.error(
          `Could not scan ${this.options.directory}`,
          error,
        ),
      );
    }, 200);
  }

  private async catalogInfoFiles(): Promise<string[]> {
    const entries = await fs.readdir(this.options.directory, {
      withFileTypes: true,
    });
    const candidates = entries
      // Dot-directories are the publisher's unfinished staging copies.
      .filter(entry => entry.isDirectory() && !entry.name.startsWith('.'))
      .map(entry =>
        path.join(this.options.directory, entry.name, 'catalog-info.yaml'),
      );
    const present = await Promise.all(
      candidates.map(file =>
        fs.stat(file).then(
          stat => stat.isFile(),
          () => false,
        ),
      ),
    );
    return candidates.filter((_, index) => present[index]).sort();
  }
}
