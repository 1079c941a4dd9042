import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  parseAllDocuments,
} from 'yaml';

/** One document of a YAML file, with what it takes to point at its lines. */
export interface YamlDocument {
  file: string;
  /** Position of the document in a multi-document file. */
  index: number;
  /** The plain JavaScript value of the document (`undefined` when empty). */
  value: unknown;
  /** 1-based line of the document's first node. */
  line: number;
  /** 1-based line of the node at `path`, or of its deepest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** The result of parsing one YAML file: its documents, or why it does not parse. */
export interface ParsedYamlFile {
  documents: YamlDocument[];
  errors: { line: number; message: string }[];
}

/** Parses every document of a YAML file, keeping line positions. */
export function parseYamlFile(file: string, text: string): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) {
    // An empty stream comes back as a bare object with no documents.
    return { documents: [], errors: [] };
  }
  const errors = docs.flatMap(doc =>
    doc.errors.map(error => ({
      line: lineCounter.linePos(error.pos[0]).line,
      message: error.message.split('\n')[0],
    })),
  );
  if (errors.length > 0) {
    return { documents: [], errors };
  }
  const documents = docs
    .map((doc, index) => toYamlDocument(file, index, doc, lineCounter))
    .filter(doc => doc.value !== undefined && doc.value !== null);
  return { documents, errors };
}

function toYamlDocument(
  file: string,
  index: number,
  doc: Document,
  lineCounter: LineCounter,
): YamlDocument {
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const line = lineAt(doc.contents?.range?.[0]);
  return {
    file,
    index,
    value: doc.toJS({ maxAliasCount: 1000 }),
    line,
    lineOf(path) {
      let node: unknown = doc.contents;
      let found = line;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            item => isScalar(item.key) && item.key.value === segment,
          );
          if (!pair) break;
          found = lineAt((pair.key as Node).range?.[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item) break;
          found = lineAt(item.range?.[0]);
          node = item;
        } else {
          break;
        }
      }
      return found;
    },
  };
}
