import type { EnvironmentSpec, WorkerPlatformSpec } from './schema';
import { resourceNames } from '../contract';

/**
 * The Redis address an environment's workers, API and KEDA triggers use: the
 * spec's external Redis, or the one the repository deploys into the
 * environment's worker namespace.
 *
 * @public
 */
export function redisAddress(
  spec: WorkerPlatformSpec,
  environment: EnvironmentSpec,
): string {
  return (
    spec.spec.redis.address ??
    `${resourceNames.redis(spec.metadata.name)}.${
      environment.namespaces.worker
    }.svc.cluster.local:6379`
  );
}
