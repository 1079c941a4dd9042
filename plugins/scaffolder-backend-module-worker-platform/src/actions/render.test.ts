import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createRenderAction } from './render';

/** An organisation's defaults, as `workerPlatform.defaults` gives them. */
const specDefaults = {
  registry: 'ghcr.io/acme',
  owner: 'group:default/imaging',
  apiDomain: 'apps.acme.dev',
};

const minimalSpec = {
  apiVersion: 'worker-platform.io/v1alpha1',
  kind: 'WorkerPlatform',
  metadata: { name: 'thumbnailer', owner: 'group:default/platform' },
  spec: {
    workers: [{ name: 'default', queues: [{ name: 'thumbnails' }] }],
    environments: [{ name: 'production' }],
  },
};

/** Every file under `dir`, relative and sorted, as the action lists them. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(dir, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

describe('worker-platform:render', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createRenderAction({ specDefaults });

  beforeEach(() => mockDir.setContent({ workspace: {} }));

  it('renders a spec object into the workspace and outputs what it wrote', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { spec: minimalSpec },
    });
    await action.handler(ctx);

    const written = await listFiles(workspacePath);
    expect(written).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        '.worker-platform/spec.yaml',
      ]),
    );
    expect(ctx.output).toHaveBeenCalledWith('files', written);
    expect(ctx.output).toHaveBeenCalledWith('entityName', 'thumbnailer');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/thumbnailer',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      '/catalog-info.yaml',
    );

    const descriptor = yaml
      .parseAllDocuments(
        await fs.readFile(
          path.join(workspacePath, 'catalog-info.yaml'),
          'utf8',
        ),
      )
      .map(doc => doc.toJS());
    expect(descriptor).toContainEqual(
      expect.objectContaining({
        kind: 'Component',
        metadata: expect.objectContaining({ name: 'thumbnailer' }),
      }),
    );
  });

  it("fills what the spec leaves out from the organisation's defaults, and records it in the stored spec", async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { spec: minimalSpec },
    });
    await action.handler(ctx);

    const stored = yaml.parse(
      await fs.readFile(
        path.join(workspacePath, '.worker-platform/spec.yaml'),
        'utf8',
      ),
    );
    // The spec's own owner wins over the default.
    expect(stored.metadata.owner).toBe('group:default/platform');
    expect(stored.spec.registry).toBe('ghcr.io/acme');
    expect(stored.spec.api.host).toBe('thumbnailer.apps.acme.dev');
  });

  it('without defaults, refuses a spec that leaves them out, naming each field and the key to set', async () => {
    const error = await createRenderAction()
      .handler(
        createMockActionContext({
          workspacePath,
          input: { spec: yaml.stringify(minimalSpec) },
        }),
      )
      .catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/has 2 error\(s\)/);
    expect(error.message).toMatch(
      /^\d+: spec\.registry: required — set it in the spec, or workerPlatform\.defaults\.registry in app-config/m,
    );
    expect(error.message).toMatch(
      /^\d+: spec\.api\.host: required — set it in the spec, or workerPlatform\.defaults\.apiDomain in app-config/m,
    );
    expect(await fs.readdir(workspacePath)).toEqual([]);
  });

  it('accepts the spec as YAML text and renders into targetPath', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { spec: yaml.stringify(minimalSpec), targetPath: 'repo' },
    });
    await action.handler(ctx);

    expect(await fs.readdir(workspacePath)).toEqual(['repo']);
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      await listFiles(path.join(workspacePath, 'repo')),
    );
  });

  it('lists every field error in one InputError and writes nothing', async () => {
    const bad = {
      ...minimalSpec,
      metadata: { name: 'Not_A_Name' },
      spec: {
        ...minimalSpec.spec,
        workers: [{ name: 'gpu', queues: [] }],
        delivery: { strategy: 'big-bang' },
      },
    };
    const error = await action
      .handler(createMockActionContext({ workspacePath, input: { spec: bad } }))
      .catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/has 3 error\(s\)/);
    expect(error.message).toMatch(/^metadata\.name: must be a DNS label/m);
    expect(error.message).toMatch(
      /^spec\.workers\[0\]\.queues: a worker pool needs at least one queue/m,
    );
    expect(error.message).toMatch(
      /^spec\.delivery\.strategy: must be one of rolling, blue-green, canary/m,
    );
    expect(await fs.readdir(workspacePath)).toEqual([]);
  });

  it('points at the line of each error when the spec is YAML text', async () => {
    const text = yaml.stringify({
      ...minimalSpec,
      metadata: { name: 'thumbnailer', owner: 'not a ref' },
    });
    await expect(
      action.handler(
        createMockActionContext({ workspacePath, input: { spec: text } }),
      ),
    ).rejects.toThrow(/^\d+: metadata\.owner: must be an entity reference/m);
  });

  it('refuses YAML that does not parse', async () => {
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { spec: 'metadata: [unclosed' },
        }),
      ),
    ).rejects.toThrow(/invalid YAML/);
  });

  it('refuses a targetPath outside the workspace', async () => {
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { spec: minimalSpec, targetPath: '../elsewhere' },
        }),
      ),
    ).rejects.toThrow(
      /targetPath "..\/elsewhere" points outside the workspace/,
    );
    expect(await fs.readdir(mockDir.path)).toEqual(['workspace']);
  });

  it('refuses to mix the repository into files already in the target', async () => {
    mockDir.setContent({ workspace: { repo: { 'notes.md': 'mine' } } });
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { spec: minimalSpec, targetPath: 'repo' },
        }),
      ),
    ).rejects.toThrow(/is not empty/);
    expect(await fs.readdir(path.join(workspacePath, 'repo'))).toEqual([
      'notes.md',
    ]);
  });

  it('writes nothing in a dry run but still outputs the file list', async () => {
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { spec: minimalSpec },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(await fs.readdir(workspacePath)).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining(['catalog-info.yaml']),
    );
    expect(ctx.output).toHaveBeenCalledWith('entityName', 'thumbnailer');
  });

  it('writes inside a checkpoint keyed by the target, so a recovered task does not write twice', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { spec: minimalSpec, targetPath: 'repo' },
    });
    const checkpoint = jest.fn(async () => undefined);
    await action.handler({ ...ctx, checkpoint } as typeof ctx);

    expect(checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'worker-platform.render.repo' }),
    );
    expect(await fs.readdir(workspacePath)).toEqual([]);
  });
});
