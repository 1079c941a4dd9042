import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

/**
 * The ref of the Component a rendered repository describes, read from its
 * descriptor rather than assumed, so the output matches what the catalog
 * will ingest (namespace included).
 */
export function componentRefOf(
  files: ReadonlyMap<string, string>,
  catalogInfoFile: string,
): string {
  const content = files.get(catalogInfoFile);
  const component = parseAllDocuments(content ?? '')
    .map(doc => doc.toJS())
    .find(entity => entity?.kind === 'Component');
  if (!component?.metadata?.name) {
    throw new Error(
      `The rendered repository has no Component in ${catalogInfoFile}`,
    );
  }
  return stringifyEntityRef({
    kind: 'Component',
    namespace: component.metadata.namespace,
    name: component.metadata.name,
  });
}
