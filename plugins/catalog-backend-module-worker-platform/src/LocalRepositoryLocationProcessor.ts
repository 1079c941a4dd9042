import { Entity } from '@backstage/catalog-model';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '@worker-platform/plugin-worker-platform-common';
import path from 'node:path';

/**
 * Options of {@link LocalRepositoryLocationProcessor}.
 *
 * @public
 */
export interface LocalRepositoryLocationProcessorOptions {
  /** The local publisher's directory; each child directory is one repository. */
  directory: string;
}

/**
 * Tells the truth about where a repository of the local publisher lives.
 * Its `catalog-info.yaml` was rendered for the GitOps repository URL of the
 * spec (a placeholder when nothing was published to a git host), but the
 * repository is a directory on this server. So for entities read from the
 * local publisher's directory, `backstage.io/source-location` becomes
 * `file:<repository>/catalog-info.yaml` — TechDocs then builds `dir:.` from
 * that directory, and the environment wizard fetches the repository from
 * it — and a `github.com/project-slug` naming a repository that is not
 * there is dropped.
 *
 * @public
 */
export class LocalRepositoryLocationProcessor implements CatalogProcessor {
  private readonly directory: string;

  constructor(options: LocalRepositoryLocationProcessorOptions) {
    this.directory = path.resolve(options.directory);
  }

  getProcessorName(): string {
    return 'WorkerPlatformLocalRepositoryLocationProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: { type: string; target: string },
  ): Promise<Entity> {
    if (entity.kind === 'Location' || location.type !== 'file') return entity;
    const catalogInfo = path.resolve(location.target);
    const repository = path.dirname(catalogInfo);
    if (path.dirname(repository) !== this.directory) return entity;
    const { [GITHUB_PROJECT_SLUG_ANNOTATION]: _notOnGitHub, ...annotations } =
      entity.metadata.annotations ?? {};
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...annotations,
          [SOURCE_LOCATION_ANNOTATION]: `file:${catalogInfo}`,
        },
      },
    };
  }
}
