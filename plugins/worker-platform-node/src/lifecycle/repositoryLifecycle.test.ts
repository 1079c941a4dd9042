import { promises as fs } from 'node:fs';
import path from 'node:path';
import { validateRepository } from '../validate/validateRepository';
import { addEnvironment } from './addEnvironment';
import {
  addEnvironmentToRepository,
  EnvironmentAdditionError,
  upgradeRepository,
} from './repositoryLifecycle';
import {
  reRenderRepository,
  ReRenderValidationError,
} from './reRenderRepository';
import { StoredSpecError } from './storedSpec';
import {
  exampleSpecNames,
  loadExampleSpec,
  readTree,
  renderToTempDir,
  renderWithManifest,
} from './__testUtils__/testRepositories';

// Each case renders and validates whole repositories.
jest.setTimeout(120_000);

/** Validation without kustomize builds: the kustomize tests build for real. */
const validateWithoutBuilds = (files: Map<string, string>) =>
  validateRepository(files, { build: false });

const dirs: string[] = [];
async function renderedRepository(name: (typeof exampleSpecNames)[number]) {
  const dir = await renderToTempDir(await loadExampleSpec(name));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) {
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  }
});

describe.each(exampleSpecNames)('adding an environment to %s', name => {
  it('gives byte for byte the render of the spec with that environment', async () => {
    const spec = await loadExampleSpec(name);
    const dir = await renderedRepository(name);
    const addition = {
      name: 'soak',
      copyFrom: spec.spec.environments[0].name,
    };

    const result = await addEnvironmentToRepository(dir, addition);

    const expected = addEnvironment(spec, addition);
    if (!expected.ok) throw new Error(JSON.stringify(expected.errors));
    expect(await readTree(dir)).toEqual(renderWithManifest(expected.spec));
    expect(result.summary.conflicts).toEqual([]);
    expect(result.summary.added).toEqual(
      expect.arrayContaining([
        'argocd/applications/soak-api.yaml',
        'argocd/applications/soak-workers.yaml',
        'k8s/overlays/soak/service-ns/kustomization.yaml',
        'k8s/overlays/soak/worker-ns/kustomization.yaml',
      ]),
    );
    expect(result.environment.applications).toEqual([
      `${spec.metadata.name}-soak-api`,
      `${spec.metadata.name}-soak-workers`,
    ]);
  });
});

describe('env add perf --copy-from staging on pingvasai', () => {
  it('adds the overlay and Applications and updates only the files that list environments', async () => {
    const dir = await renderedRepository('pingvasai');
    const { summary } = await addEnvironmentToRepository(
      dir,
      { name: 'perf', copyFrom: 'staging' },
      { validate: validateWithoutBuilds },
    );
    expect(
      summary.added.filter(file => !file.startsWith('k8s/overlays/perf/')),
    ).toEqual([
      'argocd/applications/perf-api.yaml',
      'argocd/applications/perf-workers.yaml',
    ]);
    expect(summary.updated).toEqual([
      '.github/workflows/cd.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/promote.yml',
      '.worker-platform/manifest.json',
      '.worker-platform/spec.yaml',
      'README.md',
      'argocd/appproject.yaml',
      'argocd/kustomization.yaml',
      'catalog-info.yaml',
      'docs/environments.md',
      'docs/index.md',
      'docs/runbooks/api-down.md',
      'tests/keda_scaling_test.py',
      'tests/namespace_isolation_test.sh',
    ]);
    expect(summary.removed).toEqual([]);
  });
});

describe('hand-edited files', () => {
  const deployment = 'k8s/base/service-ns/deployment.yaml';
  const runbook = 'docs/runbooks/api-down.md';

  it('survive env add and upgrade, reported as conflicts with the new version beside them', async () => {
    const dir = await renderedRepository('pingvasai');
    const editedDeployment = `# tuned by hand\n${await fs.readFile(
      path.join(dir, deployment),
      'utf8',
    )}`;
    await fs.writeFile(path.join(dir, deployment), editedDeployment);
    await fs.appendFile(path.join(dir, runbook), '\nCall Dana first.\n');
    const editedRunbook = await fs.readFile(path.join(dir, runbook), 'utf8');

    const added = await addEnvironmentToRepository(
      dir,
      { name: 'perf', copyFrom: 'staging' },
      { validate: validateWithoutBuilds },
    );
    expect(added.summary.conflicts).toEqual([runbook, deployment]);
    expect(await fs.readFile(path.join(dir, deployment), 'utf8')).toBe(
      editedDeployment,
    );
    expect(await fs.readFile(path.join(dir, runbook), 'utf8')).toBe(
      editedRunbook,
    );
    const proposal = await fs.readFile(
      path.join(dir, '.worker-platform/conflicts', runbook),
      'utf8',
    );
    expect(proposal).toContain('pingvasai-perf-service');
    expect(proposal).not.toContain('Call Dana first.');

    const upgraded = await upgradeRepository(dir, {
      validate: validateWithoutBuilds,
    });
    expect(upgraded.summary).toMatchObject({
      added: [],
      updated: [],
      removed: [],
      conflicts: [runbook, deployment],
    });
    expect(await fs.readFile(path.join(dir, deployment), 'utf8')).toBe(
      editedDeployment,
    );
    expect(await fs.readFile(path.join(dir, runbook), 'utf8')).toBe(
      editedRunbook,
    );
  });

  it('stop being conflicts once the new version is taken, and their proposals go', async () => {
    const dir = await renderedRepository('minimal');
    const file = path.join(dir, runbook);
    await fs.appendFile(file, 'edit\n');
    await upgradeRepository(dir, { validate: validateWithoutBuilds });
    await fs.copyFile(
      path.join(dir, '.worker-platform/conflicts', runbook),
      file,
    );

    const { summary } = await upgradeRepository(dir, {
      validate: validateWithoutBuilds,
    });
    expect(summary.conflicts).toEqual([]);
    await expect(
      fs.stat(path.join(dir, '.worker-platform/conflicts')),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('removing a worker pool', () => {
  it('removes only its pristine files and keeps the edited one as a conflict', async () => {
    const spec = await loadExampleSpec('pingvasai');
    const dir = await renderedRepository('pingvasai');
    const dockerfile = path.join(dir, 'Dockerfile.system-worker');
    await fs.appendFile(dockerfile, 'LABEL edited=true\n');
    const before = await readTree(dir);

    const { summary } = await reRenderRepository(
      dir,
      {
        ...spec,
        spec: {
          ...spec.spec,
          workers: spec.spec.workers.filter(w => w.name !== 'system'),
        },
      },
      { validate: validateWithoutBuilds },
    );

    expect(summary.removed).toEqual(
      expect.arrayContaining([
        'k8s/base/worker-ns/system-deployment.yaml',
        'k8s/base/worker-ns/system-scaledobject.yaml',
        'k8s/overlays/production/worker-ns/patches/system-deployment.yaml',
        'workers/system/tasks.py',
        'requirements-system-worker.txt',
      ]),
    );
    for (const file of summary.removed) {
      expect(file).toMatch(/system/);
    }
    expect(summary.conflicts).toEqual(['Dockerfile.system-worker']);
    expect(await fs.readFile(dockerfile, 'utf8')).toBe(
      before.get('Dockerfile.system-worker'),
    );
    await expect(fs.stat(path.join(dir, 'workers/system'))).rejects.toThrow(
      /ENOENT/,
    );
  });
});

describe('before anything is written', () => {
  it('aborts on error findings in the new render', async () => {
    const dir = await renderedRepository('minimal');
    const before = await readTree(dir);
    const failing = addEnvironmentToRepository(
      dir,
      { name: 'perf' },
      {
        validate: async () => [
          {
            file: 'argocd/applications/perf-api.yaml',
            rule: 'kustomize/build',
            severity: 'error',
            message: 'does not build',
          },
        ],
      },
    );
    await expect(failing).rejects.toThrow(ReRenderValidationError);
    await expect(failing).rejects.toThrow(
      'argocd/applications/perf-api.yaml: kustomize/build: does not build',
    );
    expect(await readTree(dir)).toEqual(before);
  });

  it('writes nothing in a dry run but reports the same summary', async () => {
    const dir = await renderedRepository('minimal');
    const before = await readTree(dir);
    const dry = await addEnvironmentToRepository(
      dir,
      { name: 'perf' },
      { dryRun: true, validate: validateWithoutBuilds },
    );
    expect(await readTree(dir)).toEqual(before);
    const real = await addEnvironmentToRepository(
      dir,
      { name: 'perf' },
      { validate: validateWithoutBuilds },
    );
    expect(real.summary).toEqual(dry.summary);
  });

  it('rejects an environment that exists, naming the field', async () => {
    const dir = await renderedRepository('minimal');
    const spec = await loadExampleSpec('minimal');
    const existing = spec.spec.environments[0].name;
    const failing = addEnvironmentToRepository(dir, { name: existing });
    await expect(failing).rejects.toThrow(EnvironmentAdditionError);
    await expect(failing).rejects.toThrow(
      `name: environment "${existing}" already exists`,
    );
  });

  it('needs the stored spec', async () => {
    const dir = await renderedRepository('minimal');
    await fs.rm(path.join(dir, '.worker-platform/spec.yaml'));
    await expect(upgradeRepository(dir)).rejects.toThrow(StoredSpecError);
  });
});
