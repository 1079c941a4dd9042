import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  renderRepository,
  writeRepository,
} from '@worker-platform/plugin-worker-platform-node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { demoSpecDefaults } from '../__testUtils__/demoSpecDefaults';
import { createValidateAction } from './validate';

const spec = parseSpec(
  [
    'apiVersion: worker-platform.io/v1alpha1',
    'kind: WorkerPlatform',
    'metadata:',
    '  name: thumbnailer',
    'spec:',
    '  workers:',
    '    - name: default',
    '      queues: [{ name: thumbnails }]',
    '  environments:',
    '    - name: production',
    '',
  ].join('\n'),
  demoSpecDefaults(),
);

describe('worker-platform:validate', () => {
  jest.setTimeout(120_000);
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createValidateAction();

  beforeEach(async () => {
    if (!spec.ok) throw new Error('test spec is invalid');
    mockDir.setContent({ workspace: {} });
    await writeRepository(
      path.join(workspacePath, 'repo'),
      renderRepository(spec.spec),
    );
  });

  it('passes a freshly rendered repository and outputs its findings', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'repo' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'findings',
      expect.not.arrayContaining([
        expect.objectContaining({ severity: 'error' }),
      ]),
    );
  });

  it('fails the step with every error as file:line: rule: message', async () => {
    const dockerfile = path.join(workspacePath, 'repo', 'Dockerfile');
    await fs.writeFile(
      dockerfile,
      (
        await fs.readFile(dockerfile, 'utf8')
      ).replace(/^FROM (\S+?):\S+/gm, 'FROM $1:latest'),
    );
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'repo' },
    });

    const failure = action.handler(ctx);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      /The repository in repo has \d+ error finding\(s\):\nDockerfile:\d+: dockerfiles\/base-image-tag: FROM \S+:latest/,
    );
  });

  it('validates for real in a dry run, since it only reads', async () => {
    await fs.rm(
      path.join(
        workspacePath,
        'repo',
        'k8s',
        'base',
        'worker-ns',
        'kustomization.yaml',
      ),
    );
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'repo' },
      isDryRun: true,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /kustomize\/build|error finding/,
    );
  });

  it("reads the stored spec with the platform's defaults, as upgrade does", async () => {
    // Someone removed the registry from the stored spec by hand.
    const specFile = path.join(
      workspacePath,
      'repo/.worker-platform/spec.yaml',
    );
    await fs.writeFile(
      specFile,
      (await fs.readFile(specFile, 'utf8')).replace(/^ {2}registry: .*\n/m, ''),
    );
    const input = { path: 'repo' };

    await expect(
      action.handler(createMockActionContext({ workspacePath, input })),
    ).rejects.toThrow(
      /\.worker-platform\/spec\.yaml:\d+: schemas\/worker-platform-spec: spec\.registry: required — set it in the spec, or workerPlatform\.defaults\.registry in app-config/,
    );

    const ctx = createMockActionContext({ workspacePath, input });
    await createValidateAction({ specDefaults: demoSpecDefaults() }).handler(
      ctx,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'findings',
      expect.not.arrayContaining([
        expect.objectContaining({ severity: 'error' }),
      ]),
    );
  });

  it.each([
    ['../outside', /points outside the workspace/],
    ['missing', /path "missing" is not a directory in the workspace/],
  ])('refuses path %s', async (input, message) => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: input },
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
  });
});
