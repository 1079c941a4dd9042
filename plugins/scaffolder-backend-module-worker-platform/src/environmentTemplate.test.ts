import { Entity } from '@backstage/catalog-model';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { publishTestRepository } from './actions/__testUtils__/localRepository';
import { renderIntoWorkspace } from './actions/__testUtils__/renderedWorkspace';
import { dryRunTemplate, loggedInput } from './__testUtils__/templateDryRun';

/**
 * Runs templates/worker-platform-environment through the real scaffolder's
 * dry-run endpoint (what the Template Editor's dry run does) against a
 * repository the local publisher made: the form's values pass the
 * parameter schema, every `${{ }}` renders, the repository is found from
 * the entity's source location, fetched, and the environment added (in
 * dry-run mode, so nothing is written and no branch is made).
 */
// Each test boots a scaffolder backend and renders a repository.
jest.setTimeout(90_000);

describe('template:default/worker-platform-environment', () => {
  const mockDir = createMockDirectory();
  const templateFile = path.resolve(
    __dirname,
    '../../../templates/worker-platform-environment/template.yaml',
  );

  beforeAll(async () => {
    mockDir.setContent({ source: {}, work: {} });
    await renderIntoWorkspace(mockDir.resolve('source'), 'pingvasai');
    await publishTestRepository(
      mockDir.resolve('source'),
      mockDir.resolve('repos/pingvasai'),
    );
  });

  /** The services as the catalog holds them (see the catalog module's LocalRepositoryLocationProcessor). */
  const service = (name: string, sourceLocation?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/kubernetes-id': name,
        ...(sourceLocation
          ? { 'backstage.io/source-location': sourceLocation }
          : {}),
      },
    },
    spec: { type: 'service', owner: 'group:default/platform' },
  });

  const dryRun = (values: Record<string, unknown>) =>
    dryRunTemplate({
      template: 'worker-platform-environment',
      directory: mockDir,
      values,
      entities: [
        service(
          'pingvasai',
          `file:${mockDir.resolve('repos/pingvasai/catalog-info.yaml')}`,
        ),
        service('imagegen', 'url:https://github.com/acme/imagegen/tree/main/'),
        service('orphan'),
      ],
    });

  it('finds the local repository from the entity alone, adds the environment and would commit it to a new branch', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      name: 'perf',
      copyFrom: 'staging',
      autoSync: true,
      apiReplicas: 2,
    });

    expect(response.status).toBe(200);
    const messages = response.body.log.map(
      (e: { body: { message: string } }) => e.body.message,
    );
    expect(messages.join('\n')).toContain(
      'namespaces pingvasai-perf-service and pingvasai-perf-worker; ArgoCD Applications pingvasai-perf-api and pingvasai-perf-workers',
    );
    expect(loggedInput(response.body, 'worker-platform:fetch:local')).toEqual({
      repoName: 'pingvasai',
      targetPath: 'repo',
    });
    expect(
      loggedInput(response.body, 'worker-platform:environment:add'),
    ).toEqual({
      targetPath: 'repo',
      name: 'perf',
      copyFrom: 'staging',
      autoSync: true,
      namespaces: {},
      overrides: { api: { replicas: 2 } },
    });
    expect(
      loggedInput(response.body, 'worker-platform:publish:local:branch'),
    ).toMatchObject({
      repoName: 'pingvasai',
      branchName: 'worker-platform/add-environment-perf',
      baseCommit: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(
      loggedInput(response.body, 'publish:github:pull-request'),
    ).toBeUndefined();

    const text = response.body.output.text.map(
      (t: { title: string; content: string }) => `${t.title}\n${t.content}`,
    );
    expect(text.join('\n')).toContain(
      'ArgoCD Applications\n`pingvasai-perf-api`, `pingvasai-perf-workers`',
    );
    expect(text.join('\n')).toContain(
      '- `k8s/overlays/perf/service-ns/kustomization.yaml`',
    );
    expect(text.join('\n')).toContain(
      `git -C ${mockDir.resolve(
        'repos/pingvasai',
      )} diff main...worker-platform/add-environment-perf`,
    );
    // A dry run makes no branch.
    expect(
      execFileSync('git', ['branch', '--list'], {
        cwd: mockDir.resolve('repos/pingvasai'),
        encoding: 'utf8',
      }),
    ).toBe('* main\n');
  });

  it('leaves autoSync out when the box was not touched, so the copied environment decides', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      name: 'qa',
      copyFrom: 'production',
    });
    expect(response.status).toBe(200);
    const input = loggedInput(response.body, 'worker-platform:environment:add');
    expect(input).toMatchObject({ name: 'qa', copyFrom: 'production' });
    expect(input).not.toHaveProperty('autoSync');
  });

  it('fails the step naming the field when the environment exists', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      name: 'staging',
    });
    expect(JSON.stringify(response.body)).toContain(
      'name: environment \\"staging\\" already exists',
    );
  });

  it('fetches a GitHub repository named by the source location, and would propose a pull request', async () => {
    const response = await dryRun({
      component: 'component:default/imagegen',
      name: 'perf',
    });
    // The dry run fetches from GitHub, which this test cannot reach.
    expect(JSON.stringify(response.body)).toContain(
      'http://127.0.0.1:9/repos/acme/imagegen/commits/main/status',
    );

    const template = yaml.parse(await fs.readFile(templateFile, 'utf8'));
    const pullRequest = template.spec.steps.find(
      (s: { id: string }) => s.id === 'publish-pull-request',
    );
    expect(pullRequest).toMatchObject({
      action: 'publish:github:pull-request',
      if: "${{ steps.locate.output.publisher == 'github' }}",
      input: { repoUrl: '${{ steps.locate.output.repoUrl }}' },
    });
  });

  it('asks for the repository only when the entity has no source location', async () => {
    // ServiceRepositoryPicker starts an unanswered question with "".
    const missing = await dryRun({
      component: 'component:default/orphan',
      repoUrl: '',
      name: 'perf',
    });
    expect(JSON.stringify(missing.body)).toContain(
      'The service has no backstage.io/source-location annotation; repoUrl: give its GitHub repository',
    );

    const malformed = await dryRun({
      component: 'component:default/orphan',
      repoUrl: 'github.com/acme/orphan',
      name: 'perf',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('repoUrl');

    const given = await dryRun({
      component: 'component:default/orphan',
      repoUrl: 'https://github.com/acme/orphan',
      name: 'perf',
    });
    expect(JSON.stringify(given.body)).toContain(
      'http://127.0.0.1:9/repos/acme/orphan/commits/main/status',
    );
  });

  it('asks where the repository lives only through the field that reads the chosen entity', async () => {
    const template = yaml.parse(await fs.readFile(templateFile, 'utf8'));
    const servicePage = template.spec.parameters[0];
    expect(servicePage.required).toEqual(['component']);
    expect(servicePage.properties).not.toHaveProperty('publisher');
    expect(servicePage.dependencies).toBeUndefined();
    // @worker-platform/plugin-worker-platform's field: a line of text when
    // the entity's source location names the repository, else a required
    // question with this title, help text and pattern.
    expect(servicePage.properties.repoUrl).toMatchObject({
      'ui:field': 'ServiceRepositoryPicker',
      title: 'GitHub repository',
      description: expect.stringContaining('https://github.com/<owner>/<repo>'),
    });
    const pattern = new RegExp(servicePage.properties.repoUrl.pattern);
    expect(pattern.test('')).toBe(true);
    expect(pattern.test('https://github.com/acme/orphan')).toBe(true);
    expect(pattern.test('github.com/acme/orphan')).toBe(false);
  });

  it("passes a service's empty answer through when its entity names the repository", async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      repoUrl: '',
      name: 'perf',
    });
    expect(response.status).toBe(200);
    expect(loggedInput(response.body, 'worker-platform:fetch:local')).toEqual({
      repoName: 'pingvasai',
      targetPath: 'repo',
    });
  });
});
