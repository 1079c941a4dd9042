import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  ApplyAnswer,
  RegistrationClusterClient,
  RegistrationObject,
} from '@worker-platform/plugin-worker-platform-common';
import { toClusterRequestError } from '../operations/ClusterObjectClient';

const isConfigMap = (object: RegistrationObject) =>
  object.apiVersion === 'v1' && object.kind === 'ConfigMap';

function customObjectPath(object: RegistrationObject) {
  const [group, version] = object.apiVersion.split('/');
  return {
    group,
    version,
    plural: `${object.kind.toLowerCase()}s`,
    namespace: object.metadata.namespace!,
    name: object.metadata.name,
  };
}

/**
 * `RegistrationClusterClient` through `@kubernetes/client-node`:
 * server-side apply (`application/apply-patch+yaml`) under the field manager
 * `registerWithArgoCd` names with `force` off, so a field another manager
 * owns comes back as a conflict instead of being taken over.
 */
export class KubernetesRegistrationClient implements RegistrationClusterClient {
  private readonly objects: CustomObjectsApi;
  private readonly core: CoreV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.objects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  async get(
    object: RegistrationObject,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      if (isConfigMap(object)) {
        return (await this.core.readNamespacedConfigMap({
          name: object.metadata.name,
          namespace: object.metadata.namespace!,
        })) as unknown as Record<string, unknown>;
      }
      return await this.objects.getNamespacedCustomObject(
        customObjectPath(object),
      );
    } catch (error) {
      const refused = toClusterRequestError(error);
      if (refused.status === 404) return undefined;
      throw refused;
    }
  }

  async apply(
    object: RegistrationObject,
    options: { dryRun: boolean; fieldManager: string },
  ): Promise<ApplyAnswer> {
    const common = {
      body: object,
      dryRun: options.dryRun ? 'All' : undefined,
      fieldManager: options.fieldManager,
      force: false,
    };
    const contentType = setHeaderOptions(
      'Content-Type',
      PatchStrategy.ServerSideApply,
    );
    try {
      const applied = isConfigMap(object)
        ? await this.core.patchNamespacedConfigMap(
            {
              ...common,
              name: object.metadata.name,
              namespace: object.metadata.namespace!,
            },
            contentType,
          )
        : await this.objects.patchNamespacedCustomObject(
            { ...customObjectPath(object), ...common },
            contentType,
          );
      return {
        type: 'applied',
        object: applied as unknown as Record<string, unknown>,
      };
    } catch (error) {
      const refused = toClusterRequestError(error);
      return refused.status === 409
        ? { type: 'conflict', message: refused.message }
        : { type: 'failed', message: refused.message };
    }
  }
}
