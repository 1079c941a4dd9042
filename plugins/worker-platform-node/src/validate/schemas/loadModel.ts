import { existsSync } from 'node:fs';
import path from 'node:path';
import { nativeRequire } from '../nativeRequire';

/** A model class of `kubernetes-models` or one of its third-party packages. */
export interface ModelClass {
  new (data?: unknown): unknown;
  prototype: { validate(this: unknown): void };
}

// Which package models which API group; the core groups are all in `kubernetes-models`.
const THIRD_PARTY_PACKAGES: Record<string, string> = {
  'keda.sh': '@kubernetes-models/keda',
  'eventing.keda.sh': '@kubernetes-models/keda',
  'argoproj.io': '@kubernetes-models/argo-cd',
};

const packageRoots = new Map<string, string | undefined>();
const models = new Map<string, ModelClass | undefined>();

function packageRoot(name: string): string | undefined {
  if (!packageRoots.has(name)) {
    const root = (nativeRequire.resolve.paths(name) ?? [])
      .map(dir => path.join(dir, name))
      .find(dir => existsSync(path.join(dir, 'package.json')));
    packageRoots.set(name, root);
  }
  return packageRoots.get(name);
}

/** The model of an `apiVersion` and `kind`, or `undefined` when no installed package has one. */
export function loadModel(
  apiVersion: string,
  kind: string,
): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (models.has(key)) return models.get(key);
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const packageName = THIRD_PARTY_PACKAGES[group] ?? 'kubernetes-models';
  const root = packageRoot(packageName);
  const file = root && path.join(root, ...apiVersion.split('/'), `${kind}.js`);
  let model: ModelClass | undefined;
  if (file && /^[A-Za-z0-9]+$/.test(kind) && existsSync(file)) {
    model = (nativeRequire(file) as Record<string, ModelClass>)[kind];
  }
  models.set(key, model);
  return model;
}
