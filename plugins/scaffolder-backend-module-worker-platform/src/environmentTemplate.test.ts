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
 * dry-run endpoint against a repository the local publisher made: the
 * form's values pass the parameter schema, every `${{ }}` renders, the
 * repository is fetched and the environment added (in dry-run mode, so
 * nothing is written and no branch is made).
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

  const dryRun = (values: Record<string, unknown>) =>
    dryRunTemplate({
      template: 'worker-platform-environment',
      directory: mockDir,
      values,
    });

  it('fetches the local repository, adds the environment and would commit it to a new branch', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      publisher: 'local',
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
      publisher: 'local',
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
      publisher: 'local',
      name: 'staging',
    });
    expect(JSON.stringify(response.body)).toContain(
      'name: environment \\"staging\\" already exists',
    );
  });

  it('proposes a pull request for a GitHub repository', async () => {
    const template = yaml.parse(await fs.readFile(templateFile, 'utf8'));
    const steps = template.spec.steps.map(
      (s: { id: string; action: string; if?: string }) => [
        s.id,
        s.action,
        s.if,
      ],
    );
    expect(steps).toContainEqual([
      'publish-pull-request',
      'publish:github:pull-request',
      "${{ parameters.publisher == 'github' }}",
    ]);
    expect(steps).toContainEqual([
      'fetch-github',
      'fetch:plain',
      "${{ parameters.publisher == 'github' }}",
    ]);
  });
});
