import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  RegistrationObject,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';
import { readStoredSpec } from '../lifecycle/storedSpec';
import {
  KustomizeTool,
  detectKustomizeTool,
  isKustomizeTool,
} from '../validate/kustomize/KustomizeTool';

/**
 * Why a repository's ArgoCD objects could not be read.
 *
 * @public
 */
export class RegistrationSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistrationSourceError';
  }
}

/**
 * What a repository registers with ArgoCD.
 *
 * @public
 */
export interface RegistrationSource {
  /** The service's name, from `.worker-platform/spec.yaml`. */
  service: string;
  /**
   * The objects of the built `argocd/` kustomization, then
   * `argocd/notifications-cm.yaml` when there is one.
   */
  objects: RegistrationObject[];
}

/**
 * Options of {@link loadRegistrationObjects}.
 *
 * @public
 */
export interface LoadRegistrationObjectsOptions {
  /** Only this environment's Applications (and the AppProject, which lists its namespaces). */
  environment?: string;
  /** The kustomize to build with; detected on this machine when omitted. */
  tool?: KustomizeTool;
  /** The organisation's spec defaults, for a stored spec that lacks a value (see `readStoredSpec`). */
  specDefaults?: SpecDefaults;
}

/**
 * `argocd/notifications-cm.yaml`, which the kustomization leaves out: it is
 * the instance's shared `argocd-notifications-cm`, of which registration
 * sends only the service's keys (the guards pick them). Undefined when the
 * repository has none.
 */
async function readNotificationsConfigMap(
  dir: string,
): Promise<RegistrationObject | undefined> {
  const file = path.join(dir, 'argocd', 'notifications-cm.yaml');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const object = parse(text);
    if (typeof object !== 'object' || object === null) {
      throw new Error('it is not an object');
    }
    return object as RegistrationObject;
  } catch (error) {
    throw new RegistrationSourceError(
      `argocd/notifications-cm.yaml: ${(error as Error).message}`,
    );
  }
}

/**
 * Builds a rendered repository's `argocd/` kustomization — built, not read
 * raw, so what is registered is what `kubectl apply -k argocd` would send —
 * adds `argocd/notifications-cm.yaml` (not in the kustomization, since the
 * ConfigMap is shared) and names the service it belongs to.
 *
 * @public
 */
export async function loadRegistrationObjects(
  dir: string,
  options: LoadRegistrationObjectsOptions = {},
): Promise<RegistrationSource> {
  const spec = await readStoredSpec(dir, options.specDefaults);
  const found = options.tool ?? (await detectKustomizeTool());
  if (!isKustomizeTool(found)) {
    throw new RegistrationSourceError(`cannot build argocd/: ${found.message}`);
  }
  const built = await found.build(path.join(dir, 'argocd'));
  if (!built.ok) {
    throw new RegistrationSourceError(`argocd/ does not build: ${built.error}`);
  }
  const documents = parseAllDocuments(built.output);
  let objects = (Array.isArray(documents) ? documents : [])
    .map(doc => doc.toJS() as RegistrationObject)
    .filter(object => object && typeof object === 'object');
  if (options.environment) {
    const environment = options.environment;
    objects = objects.filter(
      object =>
        object.kind !== 'Application' ||
        object.metadata?.labels?.['worker-platform.io/environment'] ===
          environment,
    );
    if (!objects.some(object => object.kind === 'Application')) {
      throw new RegistrationSourceError(
        `argocd/ has no Application of the environment ${environment}`,
      );
    }
  }
  const notifications = await readNotificationsConfigMap(dir);
  if (notifications) objects.push(notifications);
  return { service: spec.metadata.name, objects };
}
