import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { next, openWizard } from './support/wizard';
import { openAsGuest } from './support/guest';

/**
 * A service created with the wizard and the local publisher is a full
 * catalog citizen with no manual registration: its page has an APIs tab
 * listing its OpenAPI API, whose definition is the FastAPI app's, and a
 * Docs tab where TechDocs builds its runbooks from the local repository.
 */

/**
 * TechDocs runs mkdocs on the backend's machine (techdocs.generator.runIn:
 * local); playwright.config.ts puts the one `yarn start` uses on PATH.
 */
const hasMkdocs = spawnSync('sh', ['-c', 'command -v mkdocs']).status === 0;

// Repositories outlive a run, and the local publisher never overwrites one.
const name = `e2e-docs-${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

test("a service made by the wizard lists its API, whose definition is the app's", async ({
  page,
}) => {
  test.setTimeout(300_000);

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

  // The catalog scans the local publisher's directory; the Component and
  // its API need a few seconds to be processed and related.
  const tab = (title: string) =>
    page
      .getByRole('tab', { name: title, exact: true })
      .or(page.getByRole('link', { name: title, exact: true }))
      .first();
  const apisTab = tab('APIs');
  await expect(async () => {
    await openAsGuest(page, `/catalog/default/component/${name}/apis`);
    await expect(page.getByRole('link', { name: `${name}-api` })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await expect(apisTab).toBeVisible();

  await page
    .getByRole('link', { name: `${name}-api` })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/catalog/default/api/${name}-api`));
  await expect(page.getByText('openapi').first()).toBeVisible();
  // Definition sits in the page's Documentation group.
  await page.goto(`/catalog/default/api/${name}-api/definition`);
  await expect(page.getByText(`${name} API`).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('/queues/{queue}/tasks').first()).toBeVisible();
});

test('its Docs tab shows its runbooks, built by TechDocs from the local repository', async ({
  page,
}) => {
  test.setTimeout(180_000);
  if (!hasMkdocs) {
    // eslint-disable-next-line no-console
    console.log(
      'SKIPPED: Docs tab: no mkdocs on this machine (scripts/techdocs/toolchain.cjs could not prepare one; see its SKIPPED line)',
    );
  }
  test.skip(!hasMkdocs, 'no mkdocs on this machine');
  await openAsGuest(page, `/catalog/default/component/${name}`);
  // Docs sits in the page's Documentation group.
  await page.goto(`/catalog/default/component/${name}/docs`);
  // The first view builds the site: the README is its home page.
  await expect(
    page.getByRole('heading', { name: /Worker pools/ }).first(),
  ).toBeVisible({ timeout: 120_000 });
  // Shown, not only in the DOM: the reader keeps a page behind its progress
  // bar until every stylesheet has loaded (Material's Google fonts never do
  // offline; app-config.yaml disables them).
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 30_000,
  });
  // Every runbook is a page of it.
  await page.goto(`/catalog/default/component/${name}/docs/runbooks/api-down/`);
  await expect(
    page
      .getByRole('heading', {
        name: new RegExp(`Runbook: the ${name} API does not answer`),
      })
      .first(),
  ).toBeVisible({ timeout: 60_000 });
});
