import {
  classifyNotificationKeys,
  NOTIFICATIONS_CONFIG_MAP,
} from './notificationKeys';
import {
  RegistrationObject,
  RegistrationObjectReport,
  RegistrationTarget,
} from './types';

const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

/**
 * The outcome of {@link guardRegistration}.
 *
 * @public
 */
export interface RegistrationGuardResult {
  /**
   * The objects, each with the target namespace filled in where it had none;
   * `argocd-notifications-cm` holds only the service's own keys.
   */
  objects: RegistrationObject[];
  /** Per object sent without some of its keys: the keys left to the instance's administrator. */
  leftOut: Array<{ kind: string; name: string; keys: string[] }>;
  /** One entry per refused object, with the reason; empty when all may be sent. */
  refused: RegistrationObjectReport[];
}

interface Destination {
  server?: string;
  name?: string;
  namespace?: string;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const startsWithService = (name: string, service: string) =>
  name === service || name.startsWith(`${service}-`);

/** ArgoCD matches destinations with shell globs; `*` is what projects use. */
function globMatches(pattern: string | undefined, value: string | undefined) {
  if (pattern === undefined) return value === undefined;
  if (value === undefined) return false;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(value);
}

function destinationInProject(app: Destination, project: Destination[]) {
  return project.some(
    allowed =>
      (allowed.server !== undefined
        ? globMatches(allowed.server, app.server)
        : globMatches(allowed.name, app.name)) &&
      globMatches(allowed.namespace, app.namespace),
  );
}

const describeDestination = (d: Destination) =>
  `${d.server ?? d.name ?? '(no server)'} namespace ${d.namespace ?? '(none)'}`;

/**
 * Decides, before anything is sent, whether each object may be registered
 * for `target.service` in `target.namespace`: only the service's AppProject
 * and Applications (names starting with the service name) and its own keys
 * of the notifications ConfigMap (another service's keys are refused, the
 * instance's own are left out and listed in `leftOut`); every Application in the service's project
 * with its destination inside that project; the project deploying only into
 * the service's namespaces and creating nothing cluster-wide but Namespaces.
 * Pure.
 *
 * @public
 */
export function guardRegistration(
  input: readonly RegistrationObject[],
  target: RegistrationTarget,
): RegistrationGuardResult {
  const { service, namespace } = target;
  const refused: RegistrationObjectReport[] = [];
  const leftOut: RegistrationGuardResult['leftOut'] = [];
  const objects: RegistrationObject[] = input.map(object => ({
    ...object,
    metadata: {
      ...object.metadata,
      namespace: object.metadata?.namespace ?? namespace,
    },
  }));
  const refuse = (object: RegistrationObject, message: string) =>
    refused.push({
      kind: String(object.kind),
      namespace: object.metadata?.namespace,
      name: String(object.metadata?.name ?? '(no name)'),
      outcome: 'refused',
      message,
    });

  const projects = objects.filter(
    o => o.apiVersion === ARGO_API_VERSION && o.kind === 'AppProject',
  );
  const seen = new Set<string>();

  for (const [index, object] of objects.entries()) {
    const name = object.metadata?.name;
    const key = `${object.apiVersion}/${object.kind}/${name}`;
    if (typeof name !== 'string' || name === '') {
      refuse(object, 'it has no metadata.name');
      continue;
    }
    if (seen.has(key)) {
      refuse(object, 'it appears more than once');
      continue;
    }
    seen.add(key);
    if (object.metadata.namespace !== namespace) {
      refuse(
        object,
        `its namespace ${object.metadata.namespace} is not the ArgoCD namespace ${namespace} of cluster ${target.cluster}`,
      );
      continue;
    }
    if (object.apiVersion === 'v1' && object.kind === 'ConfigMap') {
      const own = ownNotificationKeys(object, service, refuse);
      if (own) {
        objects[index] = own.object;
        if (own.leftOut.length > 0) {
          leftOut.push({ kind: object.kind, name, keys: own.leftOut });
        }
      }
      continue;
    }
    if (
      object.apiVersion !== ARGO_API_VERSION ||
      (object.kind !== 'AppProject' && object.kind !== 'Application')
    ) {
      refuse(
        object,
        `${object.apiVersion} ${object.kind} is not registered: only ArgoCD AppProjects and Applications and the service's keys of ${NOTIFICATIONS_CONFIG_MAP}`,
      );
      continue;
    }
    if (!startsWithService(name, service)) {
      refuse(
        object,
        `its name does not start with the service name ${service}`,
      );
      continue;
    }
    if (object.kind === 'AppProject') {
      refuseProjectScope(object, service, refuse);
    } else {
      refuseApplication(object, projects, refuse);
    }
  }
  if (projects.length > 1) {
    for (const project of projects.slice(1)) {
      refuse(project, 'a service has one AppProject');
    }
  }
  return { objects, refused, leftOut };
}

/**
 * The ConfigMap to send for `argocd-notifications-cm`: its name, namespace
 * and the service's own data keys only. Labels and annotations stay out too:
 * the ConfigMap is shared, and each service setting them would conflict
 * with the others. Undefined when refused.
 */
function ownNotificationKeys(
  object: RegistrationObject,
  service: string,
  refuse: (object: RegistrationObject, message: string) => void,
): { object: RegistrationObject; leftOut: string[] } | undefined {
  if (object.metadata.name !== NOTIFICATIONS_CONFIG_MAP) {
    refuse(
      object,
      `only the ConfigMap ${NOTIFICATIONS_CONFIG_MAP} is registered, and only the service's keys`,
    );
    return undefined;
  }
  const extra = Object.keys(object).filter(
    field => !['apiVersion', 'kind', 'metadata', 'data'].includes(field),
  );
  if (extra.length > 0) {
    refuse(object, `only data keys are registered, not ${extra.join(', ')}`);
    return undefined;
  }
  const data = record(object.data);
  const keys = classifyNotificationKeys(data, service);
  if (keys.foreign.length > 0) {
    refuse(
      object,
      `keys ${keys.foreign.join(
        ', ',
      )} are not the service's own (template.${service}-… or trigger.${service}-…)`,
    );
    return undefined;
  }
  return {
    object: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name: object.metadata.name,
        namespace: object.metadata.namespace,
      },
      data: Object.fromEntries(keys.own.map(key => [key, data[key]])),
    },
    leftOut: keys.instanceWide,
  };
}

function refuseProjectScope(
  project: RegistrationObject,
  service: string,
  refuse: (object: RegistrationObject, message: string) => void,
) {
  const spec = record(project.spec);
  const destinations = Array.isArray(spec.destinations)
    ? (spec.destinations as Destination[])
    : [];
  const outside = destinations.filter(
    d =>
      typeof d?.namespace !== 'string' ||
      d.namespace.includes('*') ||
      !d.namespace.startsWith(`${service}-`),
  );
  if (outside.length > 0) {
    refuse(
      project,
      `its destinations must be namespaces of the service (${service}-…), not ${outside
        .map(d => d?.namespace ?? '(none)')
        .join(', ')}`,
    );
    return;
  }
  const clusterWide = Array.isArray(spec.clusterResourceWhitelist)
    ? (spec.clusterResourceWhitelist as { group?: string; kind?: string }[])
    : [];
  const beyondNamespaces = clusterWide.filter(
    entry => !(entry?.group === '' && entry?.kind === 'Namespace'),
  );
  if (beyondNamespaces.length > 0) {
    refuse(
      project,
      `it may create only Namespaces cluster-wide, not ${beyondNamespaces
        .map(e => `${e?.group || 'core'}/${e?.kind}`)
        .join(', ')}`,
    );
  }
}

function refuseApplication(
  app: RegistrationObject,
  projects: RegistrationObject[],
  refuse: (object: RegistrationObject, message: string) => void,
) {
  const spec = record(app.spec);
  const project = projects[0];
  if (!project) {
    refuse(
      app,
      "the service's AppProject is not among the objects, so its project cannot be checked",
    );
    return;
  }
  if (spec.project !== project.metadata.name) {
    refuse(
      app,
      `its project ${String(
        spec.project ?? '(none)',
      )} is not the service's AppProject ${project.metadata.name}`,
    );
    return;
  }
  const destination = record(spec.destination) as Destination;
  const allowed = record(project.spec).destinations;
  if (
    !destinationInProject(
      destination,
      Array.isArray(allowed) ? (allowed as Destination[]) : [],
    )
  ) {
    refuse(
      app,
      `its destination ${describeDestination(
        destination,
      )} is outside the AppProject ${project.metadata.name}`,
    );
  }
}
