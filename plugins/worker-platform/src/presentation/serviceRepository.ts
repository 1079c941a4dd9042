import {
  ANNOTATION_SOURCE_LOCATION,
  type Entity,
} from '@backstage/catalog-model';

/** Where a service's repository lives, as the environment wizard can use it. */
export type ServiceRepository =
  | { publisher: 'github'; url: string }
  | { publisher: 'local'; directory: string };

/**
 * The repository the environment wizard's `worker-platform:repository:locate`
 * step will find from the entity's `backstage.io/source-location`, or
 * undefined when the annotation is missing or names neither a GitHub
 * repository nor a local one — then the wizard must ask. The same two forms
 * the action accepts: `url:https://github.com/<owner>/<repo>[/…]`, and
 * `file:<directory>/<repo>/catalog-info.yaml` (the action also checks that
 * the directory is the local publisher's).
 */
export function serviceRepositoryOf(
  entity: Entity | undefined,
): ServiceRepository | undefined {
  const location = entity?.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!location) return undefined;
  const github =
    /^url:(https:\/\/github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?(?:\/.*)?$/.exec(
      location,
    );
  if (github) return { publisher: 'github', url: github[1] };
  const local = /^file:(\/.+)\/[^/]+$/.exec(location);
  if (local) return { publisher: 'local', directory: local[1] };
  return undefined;
}
