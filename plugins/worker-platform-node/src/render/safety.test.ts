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
  /** A value the schema accepts, rendered as the baseline. */
  marker: string;
  set(doc: Doc, text: string): void;
}

const env0 = (doc: Doc) => doc.spec.environments[0];
const fields: Field[] = [
  {
    path: 'metadata.description',
    marker: 'marker',
    set: (d, t) => (d.metadata.description = t),
  },
  {
    path: 'metadata.owner',
    marker: 'marker',
    set: (d, t) => (d.metadata.owner = `group:default/${t}`),
  },
  {
    path: 'spec.registry',
    marker: 'marker',
    set: (d, t) => (d.spec.registry = `ghcr.io/${t}`),
  },
  {
    path: 'spec.gitops.repoUrl',
    marker: 'marker',
    set: (d, t) => (d.spec.gitops.repoUrl = `https://github.com/acme/${t}`),
  },
  {
    path: 'spec.redis.keyPrefix',
    marker: 'marker',
    set: (d, t) => (d.spec.redis.keyPrefix = t),
  },
  {
    path: 'spec.api.host',
    marker: 'marker.example.com',
    set: (d, t) => (d.spec.api.host = t),
  },
  {
    path: 'spec.workers[0].nodeSelector',
    marker: 'marker',
    set: (d, t) =>
      (d.spec.workers[0].nodeSelector['node.kubernetes.io/instance-type'] = t),
  },
  {
    path: 'spec.workers[0].queues[0].name',
    marker: 'marker',
    set: (d, t) => (d.spec.workers[0].queues[0].name = t),
  },
  {
    path: 'spec.environments[0].branch',
    marker: 'marker',
    set: (d, t) => (env0(d).branch = t),
  },
  {
    path: 'spec.environments[0].cluster',
    marker: 'marker',
    set: (d, t) => (env0(d).cluster = `https://k8s.example.com/${t}`),
  },
  {
    path: 'spec.environments[0].overrides.config',
    marker: 'marker',
    set: (d, t) => (env0(d).overrides.config = { FEATURE: t }),
  },
  {
    path: 'spec.environments[0].overrides.config',
    marker: 'MARKER',
    set: (d, t) => (env0(d).overrides.config = { [t]: 'on' }),
  },
  {
    path: 'spec.region',
    marker: 'eu-west-1',
    set: (d, t) => ((d.spec as Record<string, unknown>).region = t),
  },
  {
    path: 'spec.gitops.project',
    marker: 'marker',
    set: (d, t) => ((d.spec.gitops as Record<string, unknown>).project = t),
  },
  {
    path: 'spec.redis.address',
    marker: 'marker',
    set: (d, t) =>
      ((d.spec.redis as Record<string, unknown>).address = `${t}:6379`),
  },
  {
    path: 'spec.workers[0].systemPackages[0]',
    marker: 'marker',
    set: (d, t) =>
      ((d.spec.workers[0] as Record<string, unknown>).systemPackages = [t]),
  },
  {
    path: 'spec.workers[0].resources',
    marker: '250m',
    set: (d, t) =>
      ((d.spec.workers[0] as Record<string, unknown>).resources = {
        requests: { cpu: t, memory: '1Gi' },
        limits: { cpu: '2', memory: '2Gi' },
      }),
  },
  {
    path: 'spec.environments[0].namespaces',
    marker: 'marker',
    set: (d, t) =>
      ((env0(d) as Record<string, unknown>).namespaces = { service: t }),
  },
  {
    path: 'spec.notifications.slackChannel',
    marker: 'marker',
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

/** The structure of a YAML value: keys (a key that is `text` masked) and scalar types. */
function shape(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map(v => shape(v, text));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k === text ? '<text>' : k, shape(v, text)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value === null ? 'null' : typeof value;
}

function render(field: Field, text: string) {
  const doc = baseDocument();
  field.set(doc, text);
  return validateSpec(doc);
}

/** Per file: line count (no injected lines) and, for YAML, the shape of each document. */
function structure(files: Map<string, string>, text: string) {
  return new Map(
    [...files].map(([file, content]) => [
      file,
      {
        // The spec copy is YAML the `yaml` library writes; multi-line text
        // legitimately becomes a block scalar there.
        lines:
          file === '.worker-platform/spec.yaml'
            ? undefined
            : content.split('\n').length,
        shape: /\.ya?ml$/.test(file)
          ? parseAllDocuments(content).map(doc => shape(doc.toJS(), text))
          : undefined,
      },
    ]),
  );
}

const baselines = new Map(
  fields.map(field => {
    const result = render(field, field.marker);
    if (!result.ok) throw new Error(`marker of ${field.path} is refused`);
    return [
      field,
      structure(renderRepository(result.spec), field.marker),
    ] as const;
  }),
);

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

describe('user text cannot change the structure of the repository', () => {
  it(`holds for ${numRuns} payloads across every free-text field`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), payload, (field, text) => {
        const result = render(field, text);
        if (!result.ok) {
          // Refused: the error must name the field that holds the text.
          return result.errors.some(e => e.path.startsWith(field.path));
        }
        const files = renderRepository(result.spec);
        expect(structure(files, text)).toEqual(baselines.get(field));
        // No user text reaches a workflow `run:` script, quoted or not: the
        // scripts are exactly those of the baseline.
        expect(runLines(files)).toEqual(baselineRunLines);
        return true;
      }),
      { numRuns },
    );
  }, 600_000);

  it('accepts payloads in free-text fields, so the property is not vacuous', () => {
    const text = 'a: b # c\n"${{ secrets.X }}" {{ .y }} $(id) `id` &a *b !!str';
    const description = fields[0];
    const result = render(description, text);
    expect(result.ok).toBe(true);
    const files = renderRepository((result as { ok: true; spec: any }).spec);
    expect(structure(files, text)).toEqual(baselines.get(description));
    expect(parse(files.get('catalog-info.yaml')!).metadata.description).toBe(
      text,
    );
  });
});
