import { Entity } from '@backstage/catalog-model';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { publishTestRepository } from './actions/__testUtils__/localRepository';
import { renderIntoWorkspace } from './actions/__testUtils__/renderedWorkspace';
import {
  DryRunBody,
  dryRunTemplate,
  loggedInput,
} from './__testUtils__/templateDryRun';

/**
 * The wizards' optional last step, `worker-platform:argocd:register`, through
 * the real scaffolder's dry run: skipped unless asked for, and given the
 * repository, cluster, service (and for an environment, only that
 * environment) when asked. The worker-platform backend it calls is not part
 * of this test backend; its route is tested in that plugin.
 */
jest.setTimeout(90_000);

const REGISTER = 'worker-platform:argocd:register';

const messages = (body: DryRunBody) =>
  body.log.map(entry => entry.body.message).join('\n');

describe('the service wizard registers with ArgoCD when asked', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.setContent({ work: {} }));

  const values = {
    name: 'imagegen',
    owner: 'group:default/platform',
    workers: [
      {
        name: 'gpu',
        scaling: { min: 0, max: 8 },
        queues: [{ name: 'pro', targetLength: 1 }],
      },
    ],
    environments: [{ name: 'staging', branch: 'staging', autoSync: true }],
    publisher: 'local',
  };
  const dryRun = (extra: Record<string, unknown>) =>
    dryRunTemplate({
      template: 'worker-platform-service',
      directory: mockDir,
      values: { ...values, ...extra },
    });

  it('skips the step by default', async () => {
    const response = await dryRun({});
    expect(response.status).toBe(200);
    expect(loggedInput(response.body, REGISTER)).toBeUndefined();
    expect(messages(response.body)).toContain(
      'Skipping step register-argocd because its if condition was false',
    );
  });

  it('registers the published repository for the new entity, after publishing', async () => {
    const response = await dryRun({
      registerWithArgoCd: true,
      argocdCluster: 'prod-eu',
    });
    expect(loggedInput(response.body, REGISTER)).toEqual({
      targetPath: 'repo',
      cluster: 'prod-eu',
      entityRef: 'component:default/imagegen',
    });
    const log = messages(response.body);
    expect(log.indexOf('worker-platform:publish:local')).toBeLessThan(
      log.indexOf(REGISTER),
    );
  });
});

describe('the environment wizard registers only the new environment', () => {
  const mockDir = createMockDirectory();

  beforeAll(async () => {
    mockDir.setContent({ source: {}, work: {} });
    await renderIntoWorkspace(mockDir.resolve('source'), 'pingvasai');
    await publishTestRepository(
      mockDir.resolve('source'),
      mockDir.resolve('repos/pingvasai'),
    );
  });

  const service = (name: string, sourceLocation: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/source-location': sourceLocation,
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
      ],
    });

  it('registers a local repository right away, from the new branch', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      name: 'perf',
      copyFrom: 'staging',
      registerWithArgoCd: true,
    });
    expect(loggedInput(response.body, REGISTER)).toEqual({
      targetPath: 'repo',
      environment: 'perf',
      entityRef: 'component:default/pingvasai',
    });
  });

  it('registers into the cluster picked', async () => {
    const response = await dryRun({
      component: 'component:default/pingvasai',
      name: 'perf',
      copyFrom: 'staging',
      registerWithArgoCd: true,
      argocdCluster: 'prod-eu',
    });
    expect(loggedInput(response.body, REGISTER)).toMatchObject({
      cluster: 'prod-eu',
      environment: 'perf',
    });
  });

  it('leaves a GitHub repository to after the merge, and says how', async () => {
    // A dry run cannot fetch from GitHub here, so read the template itself.
    const template = yaml.parse(
      await fs.readFile(
        path.resolve(
          __dirname,
          '../../../templates/worker-platform-environment/template.yaml',
        ),
        'utf8',
      ),
    );
    const step = template.spec.steps.find(
      (s: { id: string }) => s.id === 'register-argocd',
    );
    expect(step.if).toBe(
      "${{ parameters.registerWithArgoCd and steps.locate.output.publisher == 'local' }}",
    );
    const afterMerge = template.spec.output.text.find(
      (t: { title: string }) => t.title === 'ArgoCD, after the merge',
    );
    expect(afterMerge.if).toContain(
      "steps.locate.output.publisher == 'github'",
    );
    expect(afterMerge.content).toContain(
      'yarn worker-platform argocd register <clone> --environment ${{ parameters.name }}',
    );
  });
});

describe('both wizards pick the cluster from those open for registration', () => {
  const readTemplate = async (name: string) =>
    yaml.parse(
      await fs.readFile(
        path.resolve(__dirname, `../../../templates/${name}/template.yaml`),
        'utf8',
      ),
    );

  it.each(['worker-platform-service', 'worker-platform-environment'])(
    '%s asks for the cluster with ArgoCdClusterPicker, only when registering',
    async name => {
      const template = await readTemplate(name);
      const page = template.spec.parameters.find(
        (p: any) => p.properties?.registerWithArgoCd,
      );
      // Not a property of its own: with registration off, nothing asks (or
      // validates) a cluster, so a Backstage without one open still works.
      expect(page.properties.argocdCluster).toBeUndefined();
      const [off, on] = page.dependencies.registerWithArgoCd.oneOf;
      expect(off.properties).toEqual({ registerWithArgoCd: { const: false } });
      expect(on.properties.argocdCluster).toMatchObject({
        type: 'string',
        'ui:field': 'ArgoCdClusterPicker',
        description: expect.stringContaining(
          'workerPlatform.argocd.registration.clusters',
        ),
      });
    },
  );
});
