import { z } from 'zod';
import { dnsLabel, domainName, hostName, ownerRef, registry } from './formats';

/**
 * The values a spec may leave out because they are the same for every
 * service of an organisation. They are the organisation's, not the spec's:
 * an application reads them from `workerPlatform.defaults` in app-config,
 * the CLI from the file given with `--defaults`. A spec that leaves a field
 * out that no default covers is refused, naming the field.
 *
 * @public
 */
export interface SpecDefaults {
  /** `spec.registry` when the spec gives none, e.g. `ghcr.io/acme`. */
  registry?: string;
  /** `metadata.owner` when the spec gives none, e.g. `group:default/platform`. */
  owner?: string;
  /**
   * The domain the API is served under when the spec gives no
   * `spec.api.host`: the host is `<metadata.name>.<apiDomain>`.
   */
  apiDomain?: string;
}

/**
 * Where in app-config (and in a CLI `--defaults` file) {@link SpecDefaults} live.
 *
 * @public
 */
export const SPEC_DEFAULTS_CONFIG_PATH = 'workerPlatform.defaults';

/**
 * The zod schema of {@link SpecDefaults}: each value in the format of the field it fills.
 *
 * @public
 */
export const specDefaultsSchema = z.strictObject({
  registry: registry().optional(),
  owner: ownerRef().optional(),
  apiDomain: domainName().optional(),
});

/** The fields {@link SpecDefaults} fill, resolved for one spec. */
export interface OrganisationValues {
  owner: string;
  registry: string;
  host: string;
}

/** A field that could not be resolved, in zod's terms (path from the document root). */
export interface OrganisationValueIssue {
  path: string[];
  message: string;
}

/** What {@link resolveOrganisationValues} found. */
export type OrganisationValuesResult =
  | { ok: true; values: OrganisationValues }
  | { ok: false; issues: OrganisationValueIssue[] };

/**
 * The owner, registry and API host of a document: the spec's own value,
 * else the organisation's default. Reads the document defensively, because
 * the schema runs it also on documents with other errors, so that a missing
 * value is reported together with them; a section that is itself missing or
 * malformed is left to the error already reported for it.
 */
export function resolveOrganisationValues(
  doc: unknown,
  defaults: SpecDefaults,
): OrganisationValuesResult {
  const issues: OrganisationValueIssue[] = [];
  const metadata = recordAt(doc, 'metadata');
  const spec = recordAt(doc, 'spec');
  // `api` may be left out whole; its host is then left out too.
  const api = spec && (spec.api === undefined ? {} : recordAt(spec, 'api'));

  const owner = valueAt(metadata, 'owner', () =>
    fromDefault(
      issues,
      ['metadata', 'owner'],
      'owner',
      defaults.owner,
      ownerRef(),
    ),
  );
  const registryValue = valueAt(spec, 'registry', () =>
    fromDefault(
      issues,
      ['spec', 'registry'],
      'registry',
      defaults.registry,
      registry(),
    ),
  );
  const host = valueAt(api, 'host', () =>
    derivedHost(issues, metadata?.name, defaults.apiDomain),
  );
  if (
    issues.length > 0 ||
    owner === undefined ||
    registryValue === undefined ||
    host === undefined
  ) {
    return { ok: false, issues };
  }
  return { ok: true, values: { owner, registry: registryValue, host } };
}

/**
 * The string at `parent[key]`, else `fallback()` when the key is left out.
 * A missing parent, or a value of the wrong type, gives `undefined` and no
 * issue: the schema reports those.
 */
function valueAt(
  parent: Record<string, unknown> | undefined,
  key: string,
  fallback: () => string | undefined,
): string | undefined {
  if (parent === undefined) return undefined;
  const value = parent[key];
  if (value === undefined) return fallback();
  return typeof value === 'string' ? value : undefined;
}

/** How a spec author fixes a field no default covers; the CLI reads the same key from its --defaults file. */
function requiredMessage(key: keyof SpecDefaults, meaning = ''): string {
  return `required — set it in the spec, or ${SPEC_DEFAULTS_CONFIG_PATH}.${key} in app-config${meaning} (the CLI reads it with --defaults FILE)`;
}

function fromDefault(
  issues: OrganisationValueIssue[],
  path: string[],
  key: keyof SpecDefaults,
  value: string | undefined,
  format: z.ZodType<string>,
): string | undefined {
  if (value === undefined) {
    issues.push({ path, message: requiredMessage(key) });
    return undefined;
  }
  // Defaults are checked where they are read (config, --defaults); this
  // guards callers that build them by hand.
  const checked = format.safeParse(value);
  if (!checked.success) {
    issues.push({
      path,
      message: `the default ${SPEC_DEFAULTS_CONFIG_PATH}.${key} "${value}" ${checked.error.issues[0].message}`,
    });
    return undefined;
  }
  return value;
}

/** `<name>.<apiDomain>`, once the name itself is valid (its own error says otherwise). */
function derivedHost(
  issues: OrganisationValueIssue[],
  name: unknown,
  apiDomain: string | undefined,
): string | undefined {
  const path = ['spec', 'api', 'host'];
  if (apiDomain === undefined) {
    issues.push({
      path,
      message: requiredMessage(
        'apiDomain',
        ' (the host is then <name>.<apiDomain>)',
      ),
    });
    return undefined;
  }
  if (!domainName().safeParse(apiDomain).success) {
    issues.push({
      path,
      message: `the default ${SPEC_DEFAULTS_CONFIG_PATH}.apiDomain "${apiDomain}" must be a lowercase DNS name such as example.com`,
    });
    return undefined;
  }
  if (!dnsLabel().safeParse(name).success) return undefined;
  const host = `${name}.${apiDomain}`;
  const checked = hostName().safeParse(host);
  if (!checked.success) {
    issues.push({
      path,
      message: `"${host}" (metadata.name under ${SPEC_DEFAULTS_CONFIG_PATH}.apiDomain) ${checked.error.issues[0].message}; set the host in the spec`,
    });
    return undefined;
  }
  return host;
}

function recordAt(
  value: unknown,
  key: string,
): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
