import fs from 'node:fs';
import { parse } from 'yaml';
import { RegistrationObject } from '@worker-platform/plugin-worker-platform-common';
import { repositoryRootPath } from './repositoryFiles';

/**
 * The pingvasai example's `argocd/` as the renderer writes it: the golden
 * repository that the renderer's golden test pins, read where it lives, so a
 * change to the blueprints reaches every test of what registration sends.
 */
const PINGVASAI_ARGOCD = repositoryRootPath(
  'plugins/worker-platform-node/testdata/pingvasai/expected/argocd',
);

function readObject(file: string): RegistrationObject {
  return parse(fs.readFileSync(`${PINGVASAI_ARGOCD}/${file}`, 'utf8'));
}

/**
 * What `kustomize build argocd` of the pingvasai example gives: the
 * AppProject and the six Applications. Its `resources` are plain files with
 * no transformers, so reading them is that build without needing kustomize
 * on the machine; they are ordered as kustomize's default (legacy) order puts
 * these kinds, by kind and then by name.
 */
export function pingvasaiArgoCdObjects(): RegistrationObject[] {
  const kustomization = parse(
    fs.readFileSync(`${PINGVASAI_ARGOCD}/kustomization.yaml`, 'utf8'),
  ) as { resources: string[] } & Record<string, unknown>;
  const transforming = Object.keys(kustomization).filter(
    key => !['apiVersion', 'kind', 'resources'].includes(key),
  );
  if (transforming.length > 0) {
    throw new Error(
      `${PINGVASAI_ARGOCD}/kustomization.yaml now has ${transforming.join(
        ', ',
      )}: reading its resources is no longer its build`,
    );
  }
  // Byte order, as Go compares strings: AppProject before Application.
  const compare = (a: string, b: string) => Number(a > b) - Number(a < b);
  const byKindThenName = (a: RegistrationObject, b: RegistrationObject) =>
    compare(a.kind, b.kind) || compare(a.metadata.name, b.metadata.name);
  return kustomization.resources.map(readObject).sort(byKindThenName);
}

/** The pingvasai example's `argocd/notifications-cm.yaml`: its part of the shared ConfigMap. */
export function pingvasaiNotificationsConfigMap(): RegistrationObject {
  return readObject('notifications-cm.yaml');
}
