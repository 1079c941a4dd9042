import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  parseDocument,
  stringify,
} from 'yaml';
import { z } from 'zod';
import { didYouMean } from './suggest';
import {
  workerPlatformDocumentSchema,
  WorkerPlatformSpec,
  workerPlatformSpecSchema,
} from './schema';
import {
  SPEC_DEFAULTS_CONFIG_PATH,
  SpecDefaults,
  specDefaultsSchema,
} from './specDefaults';

/**
 * One reason a spec was refused, pointing at the field to change.
 *
 * @public
 */
export interface SpecError {
  /** Where in the document, e.g. `spec.workers[1].queues[0].targetLength`; empty for the whole document. */
  path: string;
  message: string;
  /** 1-based line in the YAML text, when the spec came as text. */
  line?: number;
}

/**
 * What {@link parseSpec} and {@link validateSpec} return.
 *
 * @public
 */
export type SpecResult =
  | { ok: true; spec: WorkerPlatformSpec }
  | { ok: false; errors: SpecError[] };

/**
 * Parses a `WorkerPlatform` YAML document: either the normalized spec with
 * every default applied, or every error found, each with its field path and
 * line. Never throws for bad input.
 *
 * @param defaults - the organisation's values for the fields a spec may
 *   leave out (`workerPlatform.defaults` in app-config); without them, the
 *   spec must give its owner, registry and API host itself.
 *
 * @public
 */
export function parseSpec(
  yamlText: string,
  defaults: SpecDefaults = {},
): SpecResult {
  const yaml = readYaml(yamlText);
  if (!yaml.ok) return yaml;
  const { doc, lineCounter } = yaml;
  const result = validateSpec(doc.toJS(), defaults);
  if (result.ok) {
    return result;
  }
  return {
    ok: false,
    errors: result.errors.map(error => ({
      ...error,
      line: lineOf(doc, lineCounter, error.path),
    })),
  };
}

/**
 * Validates a spec given as a value (e.g. scaffolder input) rather than
 * text; `defaults` as for {@link parseSpec}.
 *
 * @public
 */
export function validateSpec(
  value: unknown,
  defaults: SpecDefaults = {},
): SpecResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      errors: [
        { path: '', message: 'a spec must be a YAML mapping (an object)' },
      ],
    };
  }
  const result = workerPlatformSpecSchema(defaults).safeParse(value, {
    reportInput: true,
  });
  if (result.success) {
    return { ok: true, spec: result.data };
  }
  return {
    ok: false,
    errors: result.error.issues.flatMap(issue =>
      toSpecErrors(issue, workerPlatformDocumentSchema),
    ),
  };
}

/**
 * What {@link parseSpecDefaults} and {@link validateSpecDefaults} return.
 *
 * @public
 */
export type SpecDefaultsResult =
  | { ok: true; defaults: SpecDefaults }
  | { ok: false; errors: SpecError[] };

const DEFAULTS_PATH = SPEC_DEFAULTS_CONFIG_PATH.split('.');

/**
 * Checks the organisation's spec defaults (the value of
 * `workerPlatform.defaults`): each must be in the format of the field it
 * fills. Errors carry the full config path, e.g.
 * `workerPlatform.defaults.registry`; `undefined` means no defaults.
 *
 * @public
 */
export function validateSpecDefaults(value: unknown): SpecDefaultsResult {
  const result = specDefaultsSchema.optional().safeParse(value, {
    reportInput: true,
  });
  if (result.success) {
    return { ok: true, defaults: result.data ?? {} };
  }
  return {
    ok: false,
    errors: result.error.issues.flatMap(issue =>
      toSpecErrors(issue, specDefaultsSchema).map(error => ({
        ...error,
        path: formatPath([...DEFAULTS_PATH, ...parsePath(error.path)]),
      })),
    ),
  };
}

/**
 * Reads the organisation's spec defaults from a YAML configuration file
 * holding `workerPlatform.defaults`, such as an app-config.yaml: the rest of
 * the file is ignored, and a file without the key gives no defaults. Values
 * are taken literally (no `${VAR}` substitution). Errors carry their line.
 *
 * @public
 */
export function parseSpecDefaults(yamlText: string): SpecDefaultsResult {
  const yaml = readYaml(yamlText);
  if (!yaml.ok) return yaml;
  const { doc, lineCounter } = yaml;
  const root: unknown = doc.toJS();
  const value = DEFAULTS_PATH.reduce<unknown>(
    (parent, key) =>
      typeof parent === 'object' && parent !== null && !Array.isArray(parent)
        ? (parent as Record<string, unknown>)[key]
        : undefined,
    root,
  );
  const result = validateSpecDefaults(value ?? undefined);
  if (result.ok) {
    return result;
  }
  return {
    ok: false,
    errors: result.errors.map(error => ({
      ...error,
      line: lineOf(doc, lineCounter, error.path),
    })),
  };
}

/**
 * The YAML text of a normalized spec, as written to `.worker-platform/spec.yaml`.
 *
 * @public
 */
export function stringifySpec(spec: WorkerPlatformSpec): string {
  return stringify(spec, { lineWidth: 0 });
}

/**
 * One line per error, `path: message`, for logs and CLI output.
 *
 * @public
 */
export function formatSpecErrors(
  errors: SpecError[],
  fileName?: string,
): string {
  return errors
    .map(error => {
      const where = [fileName, error.line]
        .filter(v => v !== undefined)
        .join(':');
      const field = error.path || '(document)';
      return `${where ? `${where}: ` : ''}${field}: ${error.message}`;
    })
    .join('\n');
}

/** A YAML document with its line counter, or its syntax errors. */
function readYaml(
  text: string,
):
  | { ok: true; doc: Document; lineCounter: LineCounter }
  | { ok: false; errors: SpecError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map(error => ({
        path: '',
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    };
  }
  return { ok: true, doc, lineCounter };
}

function toSpecErrors(issue: z.core.$ZodIssue, schema: z.ZodType): SpecError[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map(key => ({
      path: formatPath([...issue.path, key]),
      message: `unknown field "${key}"${didYouMean(key, known)}`,
    }));
  }
  if (
    issue.code === 'invalid_type' &&
    'input' in issue &&
    issue.input === undefined
  ) {
    return [{ path: formatPath(issue.path), message: 'is required' }];
  }
  if (issue.code === 'invalid_key') {
    // A record key (e.g. a nodeSelector label key) failed its own schema.
    return [
      {
        path: formatPath(issue.path),
        message: issue.issues[0]?.message ?? issue.message,
      },
    ];
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

/**
 * `spec.workers[1].nodeSelector["node.kubernetes.io/instance-type"]`
 *
 * @public
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
        return index === 0 ? key : `.${key}`;
      }
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]));
  }
  return segments;
}

/** The line of the deepest key or item of `path` that the document has. */
function lineOf(
  doc: Document,
  lineCounter: LineCounter,
  path: string,
): number | undefined {
  const segments = parsePath(path);
  for (let depth = segments.length; depth > 0; depth--) {
    const parent =
      depth === 1
        ? doc.contents
        : doc.getIn(segments.slice(0, depth - 1), true);
    const key = segments[depth - 1];
    let range: readonly number[] | null | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find(
        item => isScalar(item.key) && item.key.value === key,
      );
      range = isScalar(pair?.key) ? pair.key.range : undefined;
    } else if (isSeq(parent) && typeof key === 'number') {
      range = (parent.items[key] as Node | undefined)?.range;
    }
    if (range) return lineCounter.linePos(range[0]).line;
  }
  const root = doc.contents?.range;
  return root ? lineCounter.linePos(root[0]).line : undefined;
}

/**
 * The field names the schema allows at a path, for "did you mean" hints.
 * Walks zod's public `def`s through the wrappers our schema uses.
 */
function knownKeysAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
): string[] {
  let current: any = schema;
  const unwrap = () => {
    for (;;) {
      const def = current?.def;
      if (!def) return;
      if (
        ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(
          def.type,
        )
      ) {
        current = def.innerType;
      } else if (def.type === 'pipe') {
        current = def.in;
      } else {
        return;
      }
    }
  };
  for (const segment of path) {
    unwrap();
    const def = current?.def;
    if (!def) return [];
    if (def.type === 'object') current = def.shape[segment as string];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  unwrap();
  return current?.def?.type === 'object' ? Object.keys(current.def.shape) : [];
}
