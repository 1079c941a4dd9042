import { createMockDirectory } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  DryRunBody,
  dryRunTemplate,
  loggedInput,
} from './__testUtils__/templateDryRun';

/** Every line the dry run logged, to search for a step's message. */
function logMessages(body: DryRunBody): string {
  return body.log.map(entry => entry.body.message).join('\n');
}

/**
 * Runs templates/worker-platform-service through the real scaffolder's
 * dry-run endpoint: the form values are checked against the template's
 * parameter schema, every `${{ }}` is rendered by the scaffolder's own
 * templating, and worker-platform:render validates the spec the form builds
 * — what the Template Editor's dry run does.
 */
// Each test boots a scaffolder backend and renders a repository.
jest.setTimeout(60_000);

describe('template:default/worker-platform-service', () => {
  const mockDir = createMockDirectory();

  const formValues = {
    name: 'imagegen',
    owner: 'group:default/platform',
    description: 'Image generation: "fast" #1',
    apiPort: 8080,
    workers: [
      {
        name: 'gpu',
        gpu: 1,
        concurrency: 1,
        scaling: { min: 0, max: 8 },
        queues: [
          { name: 'pro', targetLength: 1 },
          { name: 'free', targetLength: 10 },
        ],
      },
    ],
    environments: [
      { name: 'staging', branch: 'staging', autoSync: true },
      { name: 'production', branch: 'main', autoSync: false },
    ],
    registry: 'ghcr.io/acme',
    region: 'eu-west-1',
    slackChannel: 'deploys',
    deliveryStrategy: 'canary',
  };

  const dryRun = (values: Record<string, unknown>) =>
    dryRunTemplate({
      template: 'worker-platform-service',
      directory: mockDir,
      values,
    });

  beforeEach(() => mockDir.setContent({ work: {} }));

  it('renders and publishes locally with a valid spec built from the form', async () => {
    const response = await dryRun({ ...formValues, publisher: 'local' });

    expect(response.status).toBe(200);
    const render = loggedInput(response.body, 'worker-platform:render');
    expect(render.spec).toMatchObject({
      metadata: {
        name: 'imagegen',
        description: 'Image generation: "fast" #1',
      },
      spec: {
        api: { port: 8080 },
        workers: formValues.workers,
        delivery: { strategy: 'canary' },
      },
    });
    // Empty form fields stay absent, so the spec's defaults apply.
    expect(render.spec.spec.gitops).toEqual({});
    expect(render.spec.spec.api.host).toBeUndefined();
    expect(render.spec.metadata).not.toHaveProperty('system');
    expect(loggedInput(response.body, 'worker-platform:publish:local')).toEqual(
      {
        repoName: 'imagegen',
        sourcePath: 'repo',
        defaultBranch: 'main',
      },
    );
    expect(loggedInput(response.body, 'publish:github')).toBeUndefined();
    expect(response.body.output.links).toEqual([
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: 'component:default/imagegen',
      },
    ]);
    expect(response.body.output.text[0].content).toContain(
      `git clone ${mockDir.resolve('repos/imagegen')}`,
    );
    // A dry run creates no repository.
    await expect(fs.readdir(mockDir.resolve('repos'))).rejects.toThrow(
      /ENOENT/,
    );
  });

  it('publishes to GitHub and points ArgoCD at that repository', async () => {
    const response = await dryRun({
      ...formValues,
      publisher: 'github',
      repoUrl: 'github.com?owner=acme&repo=imagegen',
      system: 'system:default/imaging',
    });

    expect(response.status).toBe(200);
    const render = loggedInput(response.body, 'worker-platform:render');
    expect(render.spec.metadata.system).toBe('system:default/imaging');
    expect(render.spec.spec.gitops).toEqual({
      repoUrl: 'https://github.com/acme/imagegen',
    });
    expect(loggedInput(response.body, 'publish:github')).toMatchObject({
      repoUrl: 'github.com?owner=acme&repo=imagegen',
      sourcePath: 'repo',
    });
    expect(loggedInput(response.body, 'catalog:register')).toMatchObject({
      catalogInfoPath: '/catalog-info.yaml',
    });
    expect(
      loggedInput(response.body, 'worker-platform:publish:local'),
    ).toBeUndefined();
  });

  it('picks the owner with OwnerPicker and the system with an EntityPicker that takes new names', async () => {
    const template = yaml.parse(
      await fs.readFile(
        path.resolve(
          __dirname,
          '../../../templates/worker-platform-service/template.yaml',
        ),
        'utf8',
      ),
    );
    const { properties } = template.spec.parameters[0];
    expect(properties.owner['ui:field']).toBe('OwnerPicker');
    expect(properties.system).toMatchObject({
      'ui:field': 'EntityPicker',
      'ui:options': {
        allowArbitraryValues: true,
        catalogFilter: [{ kind: 'System' }],
      },
    });
    // Every field of every page keeps its help text or an obvious title.
    for (const page of template.spec.parameters) {
      for (const [name, field] of Object.entries<any>(page.properties)) {
        expect([name, typeof field.title]).toEqual([name, 'string']);
      }
    }
  });

  it("leaves the registry and API host to the platform's workerPlatform.defaults when the form leaves them empty", async () => {
    const { registry: _registry, ...withoutRegistry } = formValues;
    const values = { ...withoutRegistry, publisher: 'local' };

    const withDefaults = await dryRun(values);
    expect(withDefaults.status).toBe(200);
    const render = loggedInput(withDefaults.body, 'worker-platform:render');
    expect(render.spec.spec).not.toHaveProperty('registry');
    expect(render.spec.spec.api.host).toBeUndefined();
    expect(logMessages(withDefaults.body)).toContain('Dry run: would write');

    const withoutDefaults = await dryRunTemplate({
      template: 'worker-platform-service',
      directory: mockDir,
      values,
      specDefaults: {},
    });
    // The render step's InputError fails the dry run, naming each field.
    expect(withoutDefaults.status).toBe(400);
    const message = withoutDefaults.body.error.message;
    expect(message).toContain(
      'spec.registry: required — set it in the spec, or workerPlatform.defaults.registry in app-config',
    );
    expect(message).toContain(
      'spec.api.host: required — set it in the spec, or workerPlatform.defaults.apiDomain in app-config',
    );
  });

  it('refuses a system of another kind', async () => {
    const response = await dryRun({
      ...formValues,
      system: 'group:default/imaging',
      publisher: 'local',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/system/);
  });

  it('refuses form values the parameter schema rejects', async () => {
    const response = await dryRun({
      ...formValues,
      name: 'Bad Name',
      publisher: 'local',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/name/);
  });
});
