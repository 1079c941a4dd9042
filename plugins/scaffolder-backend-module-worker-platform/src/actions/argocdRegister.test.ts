import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createArgoCdRegisterAction } from './argocdRegister';
import { fakeArgoCdRegistrations } from './__testUtils__/fakeArgoCdRegistrations';
import { renderIntoWorkspace } from './__testUtils__/renderedWorkspace';

describe('worker-platform:argocd:register', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');

  beforeEach(async () => {
    mockDir.setContent({ workspace: {} });
    await renderIntoWorkspace(workspacePath, 'pingvasai');
  });

  it('registers the built argocd/ as the initiator, in a checkpoint, and outputs the report', async () => {
    const registrations = fakeArgoCdRegistrations();
    const ctx = createMockActionContext({
      workspacePath,
      input: { cluster: 'prod-eu' },
    });
    const checkpoint = jest.spyOn(ctx, 'checkpoint');
    await createArgoCdRegisterAction({ registrations }).handler(ctx);

    expect(registrations.calls).toHaveLength(1);
    expect(registrations.calls[0]).toMatchObject({
      entityRef: 'component:default/pingvasai',
      cluster: 'prod-eu',
      dryRun: false,
    });
    expect(registrations.calls[0].objects.map(o => o.metadata.name)).toEqual([
      'pingvasai',
      'pingvasai-development-api',
      'pingvasai-development-workers',
      'pingvasai-production-api',
      'pingvasai-production-workers',
      'pingvasai-staging-api',
      'pingvasai-staging-workers',
      // The backend's guards pick the service's keys of the shared ConfigMap.
      'argocd-notifications-cm',
    ]);
    expect(checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'worker-platform-argocd-register-component:default/pingvasai-prod-eu-all',
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith('result', 'applied');
    expect(ctx.output).toHaveBeenCalledWith(
      'applications',
      expect.arrayContaining(['pingvasai-staging-api']),
    );
    expect(registrations.stored.size).toBe(8);
  });

  it("registers only one environment's Applications with the AppProject", async () => {
    const registrations = fakeArgoCdRegistrations();
    const ctx = createMockActionContext({
      workspacePath,
      input: { cluster: 'prod-eu', environment: 'staging' },
    });
    await createArgoCdRegisterAction({ registrations }).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('applications', [
      'pingvasai-staging-api',
      'pingvasai-staging-workers',
    ]);
  });

  it('leaves the cluster to the backend when none is given', async () => {
    const registrations = fakeArgoCdRegistrations();
    const ctx = createMockActionContext({
      workspacePath,
      input: { cluster: '' },
    });
    await createArgoCdRegisterAction({ registrations }).handler(ctx);
    expect(registrations.calls[0].cluster).toBeUndefined();
  });

  it('asks for a server-side dry run in a dry run and changes nothing', async () => {
    const registrations = fakeArgoCdRegistrations();
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { cluster: 'prod-eu' },
      }),
      isDryRun: true,
    };
    await createArgoCdRegisterAction({ registrations }).handler(ctx);
    expect(registrations.calls[0].dryRun).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith('result', 'dry-run');
    expect(registrations.stored.size).toBe(0);
  });

  it('registers nothing in a dry run whose earlier steps wrote no repository', async () => {
    const registrations = fakeArgoCdRegistrations();
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { cluster: 'prod-eu', targetPath: 'not-written' },
      }),
      isDryRun: true,
    };
    await fs.mkdir(path.join(workspacePath, 'not-written'));
    await createArgoCdRegisterAction({ registrations }).handler(ctx);
    expect(registrations.calls).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('result', 'dry-run');
  });

  it('fails with the reasons when the guards refuse, sending nothing', async () => {
    const file = path.join(
      workspacePath,
      'argocd/applications/staging-api.yaml',
    );
    await fs.writeFile(
      file,
      (
        await fs.readFile(file, 'utf8')
      ).replace('project: pingvasai', 'project: default'),
    );
    const registrations = fakeArgoCdRegistrations();
    const ctx = createMockActionContext({
      workspacePath,
      input: { cluster: 'prod-eu' },
    });
    await expect(
      createArgoCdRegisterAction({ registrations }).handler(ctx),
    ).rejects.toThrow(
      new InputError(
        "ArgoCD registration refused, nothing sent: Application pingvasai-staging-api: its project default is not the service's AppProject pingvasai",
      ),
    );
    expect(registrations.stored.size).toBe(0);
  });

  it('refuses a path outside the workspace and a directory that is not a rendered repository', async () => {
    const registrations = fakeArgoCdRegistrations();
    const action = createArgoCdRegisterAction({ registrations });
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { cluster: 'c', targetPath: '../x' },
        }),
      ),
    ).rejects.toThrow(InputError);
    await fs.mkdir(path.join(workspacePath, 'empty'));
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { cluster: 'c', targetPath: 'empty' },
        }),
      ),
    ).rejects.toThrow(/\.worker-platform\/spec\.yaml cannot be read/);
    expect(registrations.calls).toEqual([]);
  });
});
