import { parse, parseAllDocuments } from 'yaml';
import { renderRepository } from './renderRepository';
import { exampleSpec } from './testSpecs';

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
