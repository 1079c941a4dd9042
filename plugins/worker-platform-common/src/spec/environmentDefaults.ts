/**
 * Defaults of an environment that depend on its name and the service's name.
 * Kept apart from the schema because the consistency checks need them too:
 * a derived namespace must be checked for length before it is ever used.
 */

/** The git branch an environment deploys from when the spec names none. */
export function defaultBranch(environmentName: string): string {
  switch (environmentName) {
    case 'production':
      return 'main';
    case 'development':
      return 'develop';
    default:
      return environmentName;
  }
}

/** Production is synced by a person; every other environment syncs itself. */
export function defaultAutoSync(environmentName: string): boolean {
  return environmentName !== 'production';
}

/**
 * The cluster ArgoCD runs in, ArgoCD's name for "here".
 *
 * @public
 */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/**
 * The two namespaces of an environment. Each environment gets its own pair so
 * that several environments can share a cluster without colliding.
 */
export function defaultNamespaces(
  serviceName: string,
  environmentName: string,
): { service: string; worker: string } {
  return {
    service: `${serviceName}-${environmentName}-service`,
    worker: `${serviceName}-${environmentName}-worker`,
  };
}

type EnvironmentInput<T> = T & {
  name: string;
  branch?: string;
  autoSync?: boolean;
  cluster?: string;
  namespaces?: { service?: string; worker?: string };
};

/** Fills the name-derived defaults of one parsed environment. */
export function normalizeEnvironment<T>(
  serviceName: string,
  env: EnvironmentInput<T>,
) {
  const namespaces = defaultNamespaces(serviceName, env.name);
  const {
    name,
    branch,
    autoSync,
    cluster,
    namespaces: explicit,
    ...rest
  } = env;
  // Keys in schema order, so that the written spec parses back to the same text.
  return {
    name,
    branch: branch ?? defaultBranch(name),
    autoSync: autoSync ?? defaultAutoSync(name),
    cluster: cluster ?? IN_CLUSTER_SERVER,
    namespaces: {
      service: explicit?.service ?? namespaces.service,
      worker: explicit?.worker ?? namespaces.worker,
    },
    ...rest,
  };
}
