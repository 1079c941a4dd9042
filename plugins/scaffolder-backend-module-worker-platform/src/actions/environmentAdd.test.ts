import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createEnvironmentAddAction } from './environmentAdd';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';

describe('worker-platform:environment:add', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createEnvironmentAddAction();

  beforeEach(async () => {
    mockDir.setContent({ workspace: {} });
    await renderIntoWorkspace(workspacePath, 'pingvasai');
  });

  it('adds the environment to a repository the render action wrote, and outputs what changed', async () => {
    await expect(
      fs.stat(path.join(workspacePath, '.worker-platform/manifest.json')),
    ).resolves.toBeTruthy();
    const ctx = createMockActionContext({
      workspacePath,
      input: { name: 'perf', copyFrom: 'staging' },
    });
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.objectContaining({
        added: expect.arrayContaining([
          'argocd/applications/perf-api.yaml',
          'k8s/overlays/perf/service-ns/kustomization.yaml',
        ]),
        updated: expect.arrayContaining(['argocd/appproject.yaml']),
        conflicts: [],
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith('overlay', 'k8s/overlays/perf');
    expect(ctx.output).toHaveBeenCalledWith('namespaces', {
      service: 'pingvasai-perf-service',
      worker: 'pingvasai-perf-worker',
    });
    expect(ctx.output).toHaveBeenCalledWith('applications', [
      'pingvasai-perf-api',
      'pingvasai-perf-workers',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'summaryMarkdown',
      expect.stringContaining('- `argocd/applications/perf-workers.yaml`'),
    );
    await expect(
      fs.readFile(
        path.join(workspacePath, 'argocd/applications/perf-api.yaml'),
        'utf8',
      ),
    ).resolves.toContain('path: k8s/overlays/perf/service-ns');
  });

  it('keeps a hand-edited file and reports it as a conflict', async () => {
    const runbook = path.join(workspacePath, 'docs/runbooks/api-down.md');
    await fs.appendFile(runbook, 'edited\n');
    const ctx = createMockActionContext({
      workspacePath,
      input: { name: 'qa' },
    });
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.objectContaining({ conflicts: ['docs/runbooks/api-down.md'] }),
    );
    expect(await fs.readFile(runbook, 'utf8')).toMatch(/edited\n$/);
  });

  it('writes nothing in a dry run', async () => {
    const spec = path.join(workspacePath, '.worker-platform/spec.yaml');
    const before = await fs.readFile(spec, 'utf8');
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { name: 'perf', copyFrom: 'staging' },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(await fs.readFile(spec, 'utf8')).toBe(before);
    await expect(
      fs.stat(path.join(workspacePath, 'k8s/overlays/perf')),
    ).rejects.toThrow(/ENOENT/);
    expect(ctx.output).toHaveBeenCalledWith(
      'applications',
      expect.arrayContaining(['pingvasai-perf-api']),
    );
  });

  it.each([
    [{ name: 'staging' }, 'name: environment "staging" already exists'],
    [{ name: 'qa', copyFrom: 'prod' }, 'copyFrom: no environment named "prod"'],
    [
      { name: 'qa', namespaces: { worker: 'pingvasai-staging-worker' } },
      'namespaces.worker: worker namespace "pingvasai-staging-worker" is already used',
    ],
  ])('fails %j with an InputError naming the field', async (input, message) => {
    const ctx = createMockActionContext({ workspacePath, input });
    const run = action.handler(ctx);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(message);
  });

  it('fails with an InputError when the workspace holds no rendered repository', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { name: 'qa', targetPath: 'elsewhere' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /\.worker-platform\/spec\.yaml cannot be read/,
    );
  });
});
