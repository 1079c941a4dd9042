import {
  parseSpec,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';
import { Finding } from '../types';
import {
  describeObject,
  KubernetesObject,
  podContainers,
} from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { SPEC_FILE } from '../schemas/workerPlatformSpecRule';
import { VARIABLE_REFERENCE } from './workloads';

/** The generated settings class: every field is read from the environment. */
export const SETTINGS_FILE = 'app/config.py';

/** Field names of the pydantic `Settings` class (upper-case annotated attributes). */
export function settingsFields(source: string): Set<string> {
  const body = source.slice(source.indexOf('class Settings'));
  return new Set(
    [...body.matchAll(/^ {4}([A-Z][A-Z0-9_]*)\s*:/gm)].map(match => match[1]),
  );
}

/** Keys of the spec's `overrides.config`: the service's own settings, read by its own code. */
function specConfigKeys(
  specText: string | undefined,
  defaults: SpecDefaults,
): Set<string> {
  const parsed = specText ? parseSpec(specText, defaults) : undefined;
  if (!parsed?.ok) return new Set();
  return new Set(
    parsed.spec.spec.environments.flatMap(env =>
      Object.keys(env.overrides.config ?? {}),
    ),
  );
}

/** Every key of a ConfigMap that pods load with envFrom is read by someone. */
export const configKeysReadRule: ValidationRule = {
  id: 'cross-file/config-keys-read',
  family: 'cross-file',
  why: `A ConfigMap key nothing reads looks like a setting but changes nothing: an operator tunes it in an incident and the service behaves as before. Each key must be a field of ${SETTINGS_FILE}, a $(VAR) of the pod's command or env, or the spec's own overrides.config.`,
  async check(context) {
    const source = context.repo.read(SETTINGS_FILE);
    if (source === undefined) return [];
    const read = new Set([
      ...settingsFields(source),
      ...specConfigKeys(context.repo.read(SPEC_FILE), context.specDefaults),
    ]);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const unit of await context.units()) {
      const readers = new Map<string, KubernetesObject[]>();
      for (const object of unit.objects) {
        for (const { container } of podContainers(object)) {
          for (const from of container.envFrom ?? []) {
            const name = from?.configMapRef?.name;
            if (typeof name === 'string') {
              readers.set(name, [...(readers.get(name) ?? []), object]);
            }
          }
        }
      }
      for (const configMap of unit.objects.filter(
        o => o.kind === 'ConfigMap',
      )) {
        const workloads = readers.get(configMap.metadata?.name ?? '');
        if (!workloads) continue;
        const referenced = new Set(
          workloads.flatMap(w =>
            podContainers(w).flatMap(({ container }) =>
              [JSON.stringify(container)].flatMap(text =>
                [...text.matchAll(VARIABLE_REFERENCE)].map(m => m[1]),
              ),
            ),
          ),
        );
        for (const key of Object.keys((configMap.data as object) ?? {})) {
          if (read.has(key) || referenced.has(key)) continue;
          const at = context.locate(configMap, ['data', key], unit);
          const id = `${at.file}:${at.line}:${key}`;
          if (reported.has(id)) continue;
          reported.add(id);
          findings.push(
            findingOf(
              configKeysReadRule,
              at,
              `${describeObject(
                configMap,
              )} sets ${key}, which nothing reads: not a field of ${SETTINGS_FILE}, not a $(${key}) of ${workloads
                .map(describeObject)
                .join(
                  ', ',
                )}, not in the spec's overrides.config; read it or remove it`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
