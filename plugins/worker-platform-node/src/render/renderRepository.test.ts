import { parse, parseAllDocuments } from 'yaml';
import { renderRepository } from './renderRepository';
import { exampleSpec, parseOrThrow } from './__testUtils__/testSpecs';

describe('renderRepository', () => {
  const files = renderRepository(exampleSpec('pingvasai'));

  it('returns files sorted by path', () => {
    const paths = [...files.keys()];
    expect(paths).toEqual([...paths].sort());
  });

  it('writes the normalized spec for re-rendering', () => {
    expect(parse(files.get('.worker-platform/spec.yaml')!).metadata.name).toBe(
      'pingvasai',
    );
  });

  it('points every Application at an overlay it renders', () => {
    const apps = [...files]
      .filter(([p]) => p.startsWith('argocd/applications/'))
      .map(([, content]) => parse(content));
    expect(apps).toHaveLength(6);
    for (const app of apps) {
      expect(files.has(`${app.spec.source.path}/kustomization.yaml`)).toBe(
        true,
      );
    }
  });

  it('re-renders the same repository from the spec it writes', () => {
    const spec = exampleSpec('pingvasai');
    const again = parseOrThrow(files.get('.worker-platform/spec.yaml')!);
    // The same spec; stringifySpec may order keys differently the second time.
    expect(again).toEqual(spec);
    const rerendered = renderRepository(again);
    rerendered.delete('.worker-platform/spec.yaml');
    const original = new Map(files);
    original.delete('.worker-platform/spec.yaml');
    expect(rerendered).toEqual(original);
  });

  it('is deterministic', () => {
    expect(renderRepository(exampleSpec('pingvasai'))).toEqual(files);
  });

  it('renders parseable YAML everywhere', () => {
    const yamlFiles = [...files].filter(([file]) => /\.ya?ml$/.test(file));
    expect(yamlFiles.length).toBeGreaterThan(50);
    for (const [, content] of yamlFiles) {
      for (const doc of parseAllDocuments(content)) {
        expect(doc.errors).toEqual([]);
      }
    }
  });
});
