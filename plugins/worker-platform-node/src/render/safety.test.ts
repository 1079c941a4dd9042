import fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { validateSpec } from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from './renderRepository';

/**
 * Property: text a user types into any field of the spec either is refused
 * at that field, or ends up inside scalar values without changing the
 * structure of any generated file. Runs WORKER_PLATFORM_PROPERTY_RUNS cases
 * (1,000 by default).
 */
const numRuns = Number(process.env.WORKER_PLATFORM_PROPERTY_RUNS ?? 1000);

type Doc = ReturnType<typeof baseDocument>;

function baseDocument() {
  return {
    apiVersion: 'worker-platform.io/v1alpha1',
    kind: 'WorkerPlatform',
    metadata: {
      name: 'svc',
      owner: 'group:default/team',
      description: 'plain',
    },
    spec: {
      registry: 'ghcr.io/acme',
      gitops: { repoUrl: 'https://github.com/acme/svc' },
      redis: { keyPrefix: 'svc' },
      api: { host: 'api.example.com' },
      workers: [
        {
          name: 'gpu',
          gpu: 1,
          nodeSelector: { 'node.kubernetes.io/instance-type': 'g5' },
          queues: [{ name: 'jobs' }],
        },
      ],
      environments: [
        {
          name: 'production',
          branch: 'main',
          cluster: 'https://k8s.example.com',
          overrides: { config: { FEATURE: 'on' } } as Record<string, any>,
        },
      ],
      notifications: { slackChannel: 'deploys' },
    },
  };
}

/** A field a user fills in: where the text goes, and the path its errors name. */
interface Field {
  path: string;
  /**
   * A value the schema accepts, rendered as the baseline. No blueprint
   * writes it on its own (checked against `alt`), so wherever it shows up
   * in the baseline, the field's value was emitted.
   */
  marker: string;
  /** A second accepted value, to check the marker against. */
  alt: string;
  set(doc: Doc, text: string): void;
}

const env0 = (doc: Doc) => doc.spec.environments[0];
const fields: Field[] = [
  {
    path: 'metadata.description',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.metadata.description = t),
  },
  {
    path: 'metadata.owner',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.metadata.owner = `group:default/${t}`),
  },
  {
    path: 'spec.registry',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.spec.registry = `ghcr.io/${t}`),
  },
  {
    path: 'spec.gitops.repoUrl',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.spec.gitops.repoUrl = `https://github.com/acme/${t}`),
  },
  {
    path: 'spec.redis.keyPrefix',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.spec.redis.keyPrefix = t),
  },
  {
    path: 'spec.api.host',
    marker: 'marker.example.com',
    alt: 'sentinel.example.com',
    set: (d, t) => (d.spec.api.host = t),
  },
  {
    path: 'spec.workers[0].nodeSelector',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) =>
      (d.spec.workers[0].nodeSelector['node.kubernetes.io/instance-type'] = t),
  },
  {
    path: 'spec.workers[0].queues[0].name',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.spec.workers[0].queues[0].name = t),
  },
  {
    path: 'spec.environments[0].branch',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (env0(d).branch = t),
  },
  {
    path: 'spec.environments[0].cluster',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (env0(d).cluster = `https://k8s.example.com/${t}`),
  },
  {
    path: 'spec.environments[0].overrides.config',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (env0(d).overrides.config = { FEATURE: t }),
  },
  {
    path: 'spec.environments[0].overrides.config',
    marker: 'MARKER',
    alt: 'SENTINEL',
    set: (d, t) => (env0(d).overrides.config = { [t]: 'on' }),
  },
  {
    path: 'spec.region',
    marker: 'eu-west-1',
    alt: 'ap-south-2',
    set: (d, t) => ((d.spec as Record<string, unknown>).region = t),
  },
  {
    path: 'spec.gitops.project',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => ((d.spec.gitops as Record<string, unknown>).project = t),
  },
  {
    path: 'spec.redis.address',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) =>
      ((d.spec.redis as Record<string, unknown>).address = `${t}:6379`),
  },
  {
    path: 'spec.workers[0].systemPackages[0]',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) =>
      ((d.spec.workers[0] as Record<string, unknown>).systemPackages = [t]),
  },
  {
    path: 'spec.workers[0].resources',
    marker: '250m',
    alt: '500m',
    set: (d, t) =>
      ((d.spec.workers[0] as Record<string, unknown>).resources = {
        requests: { cpu: t, memory: '1Gi' },
        limits: { cpu: '2', memory: '2Gi' },
      }),
  },
  {
    path: 'spec.environments[0].namespaces',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) =>
      ((env0(d) as Record<string, unknown>).namespaces = { service: t }),
  },
  {
    path: 'spec.notifications.slackChannel',
    marker: 'marker',
    alt: 'sentinel',
    set: (d, t) => (d.spec.notifications.slackChannel = t),
  },
];

const token = fc.constantFrom(
  ':',
  ': ',
  ' #',
  '#',
  '"',
  "'",
  '\n',
  '\r\n',
  '\t',
  ' ',
  ',',
  '[',
  ']',
  '{',
  '}',
  '${{ secrets.TOKEN }}',
  '{{ .app.metadata.name }}',
  '$(touch /tmp/pwned)',
  '`id`',
  '&anchor',
  '*alias',
  '!!str',
  '- ',
  '? ',
  '|',
  '>',
  '---',
  '%',
  '@',
  '\\',
  '<< name >>',
  '<% if true %>',
  '\u2028',
);
const payload = fc
  .array(fc.oneof(token, fc.stringMatching(/^[a-z0-9]{1,6}$/)), {
    minLength: 1,
    maxLength: 8,
  })
  .map(parts => parts.join(''));

/**
 * The structure of a YAML value: each mapping as its `[key, structure]`
 * pairs (a list, so a key written twice still shows twice), each sequence
 * as its items, each scalar as its type. String keys are kept verbatim
 * (which of them came from the user is decided by comparing with the
 * baseline render, see {@link expectedStructure}); any other key, such as
 * an unquoted `true` YAML reads as a boolean, shows with its type.
 */
type Shape = string | Shape[] | { map: [string, Shape][] };

function shape(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(shape);
  if (value instanceof Map) {
    return {
      map: [...value].map(([k, v]) => [
        typeof k === 'string' ? k : `<${JSON.stringify(shape(k))} key>`,
        shape(v),
      ]),
    };
  }
  if (value && typeof value === 'object') {
    throw new Error(`unexpected ${value.constructor.name} in a YAML document`);
  }
  return value === null ? 'null' : typeof value;
}

/**
 * A shape with every key `from` renamed to `to` and each mapping's pairs in
 * a canonical order (key order is not structure).
 */
function canonical(value: Shape, from?: string, to?: string): Shape {
  if (Array.isArray(value)) return value.map(v => canonical(v, from, to));
  if (typeof value === 'string') return value;
  const pairs = value.map.map(([k, v]): [string, Shape] => [
    from !== undefined && k === from ? to! : k,
    canonical(v, from, to),
  ]);
  return { map: pairs.sort(comparePairs) };
}

function comparePairs([ka, va]: [string, Shape], [kb, vb]: [string, Shape]) {
  if (ka !== kb) return ka < kb ? -1 : 1;
  // The same key twice (a duplicate the user's text caused): any fixed order.
  const [sa, sb] = [JSON.stringify(va), JSON.stringify(vb)];
  if (sa === sb) return 0;
  return sa < sb ? -1 : 1;
}

function render(field: Field, text: string) {
  const doc = baseDocument();
  field.set(doc, text);
  return validateSpec(doc);
}

const SPEC_COPY = '.worker-platform/spec.yaml';

interface FileStructure {
  lines?: number;
  /** YAML files: per document, its parse errors and its raw shape. */
  documents?: { errors: string[]; shape: Shape }[];
}

/** Per file: line count (no injected lines) and, for YAML, the shape of each document. */
function rawStructure(files: Map<string, string>): Map<string, FileStructure> {
  return new Map(
    [...files].map(([file, content]) => [
      file,
      {
        // The spec copy is YAML the `yaml` library writes; multi-line text
        // legitimately becomes a block scalar there.
        lines: file === SPEC_COPY ? undefined : content.split('\n').length,
        documents: /\.ya?ml$/.test(file)
          ? parseAllDocuments(content).map(doc => ({
              errors: doc.errors.map(e => e.code),
              shape: shape(doc.toJS({ mapAsMap: true })),
            }))
          : undefined,
      },
    ]),
  );
}

/** A raw structure in canonical form, with the keys `from` renamed to `to`. */
function canonicalStructure(
  structure: Map<string, FileStructure>,
  from?: string,
  to?: string,
): Map<string, FileStructure> {
  return new Map(
    [...structure].map(([file, { lines, documents }]) => [
      file,
      {
        lines,
        documents: documents?.map(d => ({
          errors: d.errors,
          shape: canonical(d.shape, from, to),
        })),
      },
    ]),
  );
}

/** The structure a render with `text` in `field` is compared against. */
function actualStructure(files: Map<string, string>) {
  return canonicalStructure(rawStructure(files));
}

const baselines = new Map(
  fields.map(field => {
    const result = render(field, field.marker);
    if (!result.ok) throw new Error(`marker of ${field.path} is refused`);
    const raw = rawStructure(renderRepository(result.spec));
    return [
      field,
      {
        raw,
        canonical: canonicalStructure(raw),
        markerIsKey: [...raw.values()].some(({ documents }) =>
          documents?.some(d => keysOf(d.shape).includes(field.marker)),
        ),
      },
    ] as const;
  }),
);

/**
 * The structure a render with `text` in `field` must have: that of the
 * render with the field's marker, where the keys the marker became (the
 * only keys the user's value was emitted as) now read `text`. Keys the
 * blueprints write themselves stay as they are, so a payload that happens
 * to equal one (`key`, `name`, `image`) is not mistaken for an injection;
 * a payload that adds, drops or duplicates a key still changes the result.
 */
function expectedStructure(field: Field, text: string) {
  const baseline = baselines.get(field)!;
  return baseline.markerIsKey
    ? canonicalStructure(baseline.raw, field.marker, text)
    : baseline.canonical;
}

/** The other keys of every mapping that has the key `key`. */
function siblingKeys(value: Shape, key: string): string[] {
  if (Array.isArray(value)) return value.flatMap(v => siblingKeys(v, key));
  if (typeof value === 'string') return [];
  const keys = value.map.map(([k]) => k);
  return [
    ...(keys.includes(key) ? keys.filter(k => k !== key) : []),
    ...value.map.flatMap(([, v]) => siblingKeys(v, key)),
  ];
}

/** `toEqual`, with its (slow) diff only when the two differ. */
function expectStructure(
  actual: Map<string, FileStructure>,
  expected: Map<string, FileStructure>,
) {
  const serialize = (m: Map<string, FileStructure>) =>
    JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (serialize(actual) !== serialize(expected)) {
    expect(actual).toEqual(expected);
  }
}

/** Every key of a shape, at any depth. */
function keysOf(value: Shape): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value === 'string') return [];
  return value.map.flatMap(([k, v]) => [k, ...keysOf(v)]);
}

function runLines(files: Map<string, string>): string[] {
  return [...files]
    .filter(([file]) => file.startsWith('.github/workflows/'))
    .flatMap(([, content]) =>
      Object.values(parse(content).jobs as Record<string, any>).flatMap(job =>
        job.steps.map((step: any) => step.run).filter(Boolean),
      ),
    );
}

const baselineRunLines = runLines(
  renderRepository(
    (render(fields[0], 'marker') as { ok: true; spec: any }).spec,
  ),
);

/**
 * The property for one payload in one field: refused at that field, or
 * rendered with the structure of the baseline and its workflow scripts.
 */
function holds(field: Field, text: string): boolean {
  const result = render(field, text);
  if (!result.ok) {
    // Refused: the error must name the field that holds the text.
    return result.errors.some(e => e.path.startsWith(field.path));
  }
  const files = renderRepository(result.spec);
  expectStructure(actualStructure(files), expectedStructure(field, text));
  // No user text reaches a workflow `run:` script, quoted or not: the
  // scripts are exactly those of the baseline.
  expect(runLines(files)).toEqual(baselineRunLines);
  return true;
}

describe('user text cannot change the structure of the repository', () => {
  it(`holds for ${numRuns} payloads across every free-text field`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), payload, (field, text) => {
        expect(holds(field, text)).toBe(true);
      }),
      { numRuns },
    );
  }, 600_000);

  it('finds the marker of each field only where that field is emitted', () => {
    for (const field of fields) {
      const result = render(field, field.alt);
      if (!result.ok) throw new Error(`alt of ${field.path} is refused`);
      expect(actualStructure(renderRepository(result.spec))).toEqual(
        expectedStructure(field, field.alt),
      );
    }
  });

  // Once failed with `metadata.description = "key"` (the 92nd case of this
  // seed): the comparison masked every key equal to the payload, so the
  // blueprints' own `secretKeyRef.key` read as injected text.
  it('holds for the payloads of seed -452119454', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), payload, (field, text) => {
        expect(holds(field, text)).toBe(true);
      }),
      { seed: -452119454, numRuns: 100 },
    );
  });

  describe('payloads equal to a key the blueprints write themselves', () => {
    const configKey = fields.find(f => f.marker === 'MARKER')!;

    /** Whether the property holds for a case, and if not, why. */
    function verdict(field: Field, text: string): true | string {
      try {
        return holds(field, text) || 'refused at another field';
      } catch (error) {
        return (error as Error).message;
      }
    }

    const keysOfBlueprints = ['key', 'name', 'value', 'image'];

    it('has key, name, value and image among the keys the blueprints write', () => {
      const written = [...baselines.get(fields[0])!.raw.values()].flatMap(
        ({ documents }) => documents?.flatMap(d => keysOf(d.shape)) ?? [],
      );
      expect(written).toEqual(expect.arrayContaining(keysOfBlueprints));
    });

    // Also words YAML reads as other types, and the old comparison's mask.
    it.each([...keysOfBlueprints, 'true', 'null', '<text>'])(
      'hold in every field: %s',
      text => {
        for (const field of fields) {
          expect({
            field: field.path,
            text,
            verdict: verdict(field, text),
          }).toEqual({ field: field.path, text, verdict: true });
        }
      },
    );

    // A config key is written as a key, next to keys the blueprints write
    // in the same mappings: those are the keys it can collide with. An
    // environment's `overrides.config` is merged last, so the user's entry
    // takes the platform's place (one key, as before) rather than adding
    // a second.
    it('replace the entry of the same name when a config key names one', () => {
      const siblings = [
        ...new Set(
          [...baselines.get(configKey)!.raw.values()].flatMap(
            ({ documents }) =>
              documents?.flatMap(d => siblingKeys(d.shape, configKey.marker)) ??
              [],
          ),
        ),
      ];
      expect(siblings).toEqual(
        expect.arrayContaining(['ENVIRONMENT', 'REDIS_ADDRESS']),
      );
      const doc = baseDocument();
      env0(doc).overrides.config = {};
      const plain = validateSpec(doc);
      if (!plain.ok) throw new Error('a spec without config is refused');
      const withoutEntry = actualStructure(renderRepository(plain.spec));
      for (const text of siblings) {
        const result = render(configKey, text);
        if (!result.ok) throw new Error(`config key ${text} is refused`);
        const files = renderRepository(result.spec);
        // The spec copy records the entry; every generated file is as if
        // there were none.
        const expected = new Map(withoutEntry).set(
          SPEC_COPY,
          expectedStructure(configKey, text).get(SPEC_COPY)!,
        );
        expectStructure(actualStructure(files), expected);
        expect(runLines(files)).toEqual(baselineRunLines);
      }
    });
  });

  it('accepts payloads in free-text fields, so the property is not vacuous', () => {
    const text = 'a: b # c\n"${{ secrets.X }}" {{ .y }} $(id) `id` &a *b !!str';
    const description = fields[0];
    const result = render(description, text);
    expect(result.ok).toBe(true);
    const files = renderRepository((result as { ok: true; spec: any }).spec);
    expect(actualStructure(files)).toEqual(
      expectedStructure(description, text),
    );
    const [component] = parseAllDocuments(files.get('catalog-info.yaml')!);
    expect(component.toJS().metadata.description).toBe(text);
  });
});
