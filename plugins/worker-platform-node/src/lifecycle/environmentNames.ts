import {
  EnvironmentSpec,
  resourceNames,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * The names an environment of a service is deployed under.
 *
 * @public
 */
export interface EnvironmentNames {
  /** The directory holding its `service-ns` and `worker-ns` overlays. */
  overlay: string;
  namespaces: { service: string; worker: string };
  /** Its ArgoCD Applications, API first. */
  applications: string[];
}

/** The overlay, namespaces and Applications of one environment. @public */
export function environmentNames(
  service: string,
  environment: EnvironmentSpec,
): EnvironmentNames {
  return {
    overlay: `k8s/overlays/${environment.name}`,
    namespaces: { ...environment.namespaces },
    applications: [
      resourceNames.apiApplication(service, environment.name),
      resourceNames.workersApplication(service, environment.name),
    ],
  };
}
