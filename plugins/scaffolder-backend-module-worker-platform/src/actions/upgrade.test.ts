import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { demoSpecDefaults } from '../__testUtils__/demoSpecDefaults';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';
import { createUpgradeAction } from './upgrade';

describe('worker-platform:upgrade', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createUpgradeAction();

  beforeEach(async () => {
    mockDir.setContent({ workspace: {} });
    await renderIntoWorkspace(workspacePath, 'minimal', 'repo');
  });

  it('re-renders pristine files and keeps edited ones, reporting them', async () => {
    const deployment = path.join(
      workspacePath,
      'repo/k8s/base/service-ns/deployment.yaml',
    );
    await fs.appendFile(deployment, '# edited\n');
    const ctx = createMockActionContext({
      workspacePath,
      input: { targetPath: 'repo' },
    });
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.objectContaining({
        added: [],
        removed: [],
        conflicts: ['k8s/base/service-ns/deployment.yaml'],
      }),
    );
    expect(await fs.readFile(deployment, 'utf8')).toMatch(/# edited\n$/);
    await expect(
      fs.readFile(
        path.join(
          workspacePath,
          'repo/.worker-platform/conflicts/k8s/base/service-ns/deployment.yaml',
        ),
        'utf8',
      ),
    ).resolves.not.toContain('# edited');
  });

  it('fails with an InputError on a broken stored spec', async () => {
    await fs.writeFile(
      path.join(workspacePath, 'repo/.worker-platform/spec.yaml'),
      'kind: WorkerPlatform\n',
    );
    const ctx = createMockActionContext({
      workspacePath,
      input: { targetPath: 'repo' },
    });
    const run = action.handler(ctx);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/apiVersion/);
  });

  it("fills a value removed from the stored spec from the platform's defaults, and records it again", async () => {
    const specFile = path.join(
      workspacePath,
      'repo/.worker-platform/spec.yaml',
    );
    const stored = await fs.readFile(specFile, 'utf8');
    await fs.writeFile(specFile, stored.replace(/^ {2}owner: .*\n/m, ''));
    const input = { targetPath: 'repo' };

    const refused = action.handler(
      createMockActionContext({ workspacePath, input }),
    );
    await expect(refused).rejects.toThrow(InputError);
    await expect(refused).rejects.toThrow(
      /metadata\.owner: required — set it in the spec, or workerPlatform\.defaults\.owner in app-config/,
    );

    await createUpgradeAction({ specDefaults: demoSpecDefaults() }).handler(
      createMockActionContext({ workspacePath, input }),
    );
    expect(await fs.readFile(specFile, 'utf8')).toBe(stored);
  });
});
