import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { next, openWizard } from './support/wizard';

/**
 * A platform engineer adds an environment to a service that already
 * exists: the service is created with the local publisher, then the
 * environment wizard — told nothing but the service, since it reads the
 * repository from the entity's backstage.io/source-location — commits the
 * new overlay and Applications to a new branch of its local repository,
 * which this test reads with git.
 */

/** The local publisher's directory, as app-config.yaml resolves it. */
const reposDir =
  process.env.WORKER_PLATFORM_REPOS_DIR ??
  path.join(os.tmpdir(), 'worker-platform-repos');

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
}

test('the environment wizard commits a new environment to a new branch of a local service', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Repositories outlive a run, and the local publisher never overwrites one.
  const name = `e2e-env-${Date.now().toString(36)}`;
  const repo = path.join(reposDir, name);

  // A service with the default pool and environments (development, production).
  await openWizard(page, 'worker-platform-service', 'Name');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await next(page);
  await next(page);
  await next(page);
  await next(page);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('link', { name: 'Open in catalog' })).toBeVisible(
    { timeout: 120_000 },
  );

  // The environment wizard: the service appears in the picker once the
  // catalog has processed the new repository's Component.
  const service = page.getByRole('textbox', { name: 'Service', exact: true });
  await expect(async () => {
    await openWizard(page, 'worker-platform-environment', 'Service');
    await service.click();
    await service.fill(name);
    await page
      .getByRole('option', { name: new RegExp(name) })
      .click({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  // Nothing asks where the repository lives: the wizard says it, from the
  // entity's backstage.io/source-location.
  await expect(
    page.getByText(`${repo} (local publisher)`, { exact: false }),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: /GitHub repository/ }),
  ).toHaveCount(0);
  await next(page);

  await page
    .getByRole('textbox', { name: 'Environment name', exact: true })
    .fill('perf');
  await page
    .getByRole('textbox', { name: 'Copy settings from' })
    .fill('development');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task's output: the new branch, then (one tab each) the names and
  // the change summary.
  await expect(
    page.getByText('worker-platform/add-environment-perf').first(),
  ).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Environment perf' }).click();
  await expect(page.getByText(`${name}-perf-workers`).first()).toBeVisible();
  await page.getByRole('button', { name: 'Changes' }).click();
  await expect(
    page.getByText('k8s/overlays/perf/service-ns/kustomization.yaml').first(),
  ).toBeVisible();

  // The branch holds the overlay and the Applications; main is untouched.
  const branch = 'worker-platform/add-environment-perf';
  const files = git(repo, 'ls-tree', '-r', '--name-only', branch).split('\n');
  expect(files).toEqual(
    expect.arrayContaining([
      'k8s/overlays/perf/service-ns/kustomization.yaml',
      'k8s/overlays/perf/worker-ns/kustomization.yaml',
      'argocd/applications/perf-api.yaml',
      'argocd/applications/perf-workers.yaml',
    ]),
  );
  expect(
    git(repo, 'show', `${branch}:argocd/applications/perf-workers.yaml`),
  ).toContain('path: k8s/overlays/perf/worker-ns');
  expect(git(repo, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(
    'k8s/overlays/perf/',
  );
  expect(git(repo, 'log', '--format=%s', '-1', branch)).toBe(
    'Add the perf environment\n',
  );
});

test('the environment wizard asks for the GitHub repository of a service whose entity has no source location', async ({
  page,
}) => {
  // pingvasai (examples/entities.yaml) is registered by hand, without
  // backstage.io/source-location.
  const service = page.getByRole('textbox', { name: 'Service', exact: true });
  await openWizard(page, 'worker-platform-environment', 'Service');
  await service.click();
  await service.fill('pingvasai');
  await page.getByRole('option', { name: /pingvasai/ }).click();

  const repository = page.getByRole('textbox', { name: /GitHub repository/ });
  await expect(repository).toBeVisible();
  await expect(
    page.getByText('has no backstage.io/source-location naming a GitHub', {
      exact: false,
    }),
  ).toBeVisible();
  // Unanswered, the step does not pass.
  await next(page);
  await expect(
    page
      .getByText('no usable backstage.io/source-location', { exact: false })
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: 'Environment name', exact: true }),
  ).toHaveCount(0);
  // A repository in the wrong form does not either; a GitHub one does.
  await repository.fill('github.com/acme/pingvasai');
  await next(page);
  await expect(
    page.getByRole('textbox', { name: 'Environment name', exact: true }),
  ).toHaveCount(0);
  await repository.fill('https://github.com/acme/pingvasai');
  await next(page);
  await expect(
    page.getByRole('textbox', { name: 'Environment name', exact: true }),
  ).toBeVisible();
});
