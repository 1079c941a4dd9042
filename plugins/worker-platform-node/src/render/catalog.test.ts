import { parse, parseAllDocuments } from 'yaml';
import {
  apiEntityName,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
  TECHDOCS_REF_ANNOTATION,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { githubProjectSlug } from './model/catalogModel';
import { renderRepository } from './renderRepository';
import { exampleSpec, goldenSpecNames } from './__testUtils__/testSpecs';

/**
 * What Backstage learns from a rendered repository: the Component and its
 * API entity in catalog-info.yaml, and the TechDocs site of mkdocs.yml.
 */

function entities(files: Map<string, string>) {
  return parseAllDocuments(files.get('catalog-info.yaml')!).map(d => d.toJS());
}

function withRepoUrl(spec: WorkerPlatformSpec, repoUrl: string) {
  return {
    ...spec,
    spec: { ...spec.spec, gitops: { ...spec.spec.gitops, repoUrl } },
  };
}

/** The page paths of an mkdocs `nav`, depth first. */
function navPages(nav: unknown): string[] {
  if (typeof nav === 'string') return [nav];
  if (Array.isArray(nav)) return nav.flatMap(navPages);
  if (nav && typeof nav === 'object') {
    return Object.values(nav).flatMap(navPages);
  }
  return [];
}

describe.each(goldenSpecNames)('the catalog entry of %s', name => {
  const spec = exampleSpec(name);
  const files = renderRepository(spec);
  const [component, api, ...rest] = entities(files);

  it('is a Component providing one openapi API, and nothing else', () => {
    expect(rest).toEqual([]);
    expect(component.kind).toBe('Component');
    expect(api.kind).toBe('API');
    expect(api.metadata.name).toBe(apiEntityName(spec.metadata.name));
    expect(component.spec.providesApis).toEqual([api.metadata.name]);
    expect(api.spec).toMatchObject({
      type: 'openapi',
      owner: spec.metadata.owner,
    });
  });

  it("defines the API with the repository's openapi.json, which is the FastAPI app's", () => {
    const document = JSON.parse(files.get('openapi.json')!);
    expect(JSON.parse(api.spec.definition)).toEqual(document);
    expect(document.info.title).toBe(`${spec.metadata.name} API`);
    expect(Object.keys(document.paths)).toEqual([
      '/health',
      '/ready',
      '/metrics',
      '/queues/{queue}/tasks',
    ]);
    const main = files.get('app/main.py')!;
    for (const path of Object.keys(document.paths)) {
      expect(main).toContain(`("${path}"`);
    }
  });

  it('points TechDocs and the source link at the repository', () => {
    expect(component.metadata.annotations).toMatchObject({
      [TECHDOCS_REF_ANNOTATION]: 'dir:.',
    });
    expect(component.metadata.annotations[SOURCE_LOCATION_ANNOTATION]).toMatch(
      /^url:https:\/\//,
    );
  });

  it('lists the README, the environments and every runbook in the docs, and nothing missing', () => {
    const mkdocs = parse(files.get('mkdocs.yml')!);
    expect(mkdocs.docs_dir).toBe('docs');
    // TechDocs adds techdocs-core itself; listing it would tie plain mkdocs to it.
    expect(mkdocs).not.toHaveProperty('plugins');
    const pages = navPages(mkdocs.nav).map(page => `docs/${page}`);
    const docs = [...files.keys()].filter(
      file => file.startsWith('docs/') && file.endsWith('.md'),
    );
    expect(pages.sort()).toEqual(docs.sort());
    expect(pages).toEqual(
      expect.arrayContaining([
        'docs/index.md',
        'docs/environments.md',
        'docs/runbooks/api-down.md',
        'docs/runbooks/keda-not-scaling.md',
      ]),
    );
    expect(files.get('docs/index.md')).toBe(files.get('README.md'));
  });

  it("lists every environment's namespaces, Applications, branch and pool limits", () => {
    const page = files.get('docs/environments.md')!;
    for (const env of spec.spec.environments) {
      expect(page).toContain(`## ${env.name}\n`);
      expect(page).toContain(`\`${env.branch}\``);
      expect(page).toContain(`\`${env.namespaces.service}\``);
      expect(page).toContain(`\`${env.namespaces.worker}\``);
      expect(page).toContain(`\`${spec.metadata.name}-${env.name}-api\``);
      expect(page).toContain(`\`${spec.metadata.name}-${env.name}-workers\``);
    }
  });
});

describe('catalog annotations by where the repository is', () => {
  const base = exampleSpec('minimal');

  it.each([
    ['https://github.com/acme/imagegen', 'acme/imagegen'],
    ['https://github.com/acme/imagegen.git', 'acme/imagegen'],
    ['git@github.com:acme/imagegen.git', 'acme/imagegen'],
    ['ssh://git@github.com/acme/imagegen', 'acme/imagegen'],
    ['https://gitlab.com/acme/imagegen', undefined],
    ['https://github.com.evil.example/acme/imagegen', undefined],
  ])('%s has project slug %s', (repoUrl, slug) => {
    expect(githubProjectSlug(repoUrl)).toBe(slug);
    const [component, api] = entities(
      renderRepository(withRepoUrl(base, repoUrl)),
    );
    for (const entity of [component, api]) {
      expect(entity.metadata.annotations[GITHUB_PROJECT_SLUG_ANNOTATION]).toBe(
        slug,
      );
      expect(entity.metadata.annotations[SOURCE_LOCATION_ANNOTATION]).toBe(
        slug ? `url:https://github.com/${slug}` : `url:${repoUrl}`,
      );
    }
  });

  it('puts the Component and its API in the System the spec names', () => {
    const withSystem = {
      ...base,
      metadata: { ...base.metadata, system: 'system:default/imaging' },
    };
    const [component, api] = entities(renderRepository(withSystem));
    expect(component.spec.system).toBe('system:default/imaging');
    expect(api.spec.system).toBe('system:default/imaging');
    const [plain] = entities(renderRepository(base));
    expect(plain.spec).not.toHaveProperty('system');
  });
});
