import { test, expect } from '@playwright/test';
import { openAsGuest } from './support/guest';
import { next } from './support/wizard';

/**
 * A newcomer's first service: the Worker Platform wizard, filled in from
 * /create, published with the local publisher (no GitHub account), then
 * found in the catalog.
 */

test('a guest creates a service with the wizard and finds it in the catalog', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Repositories outlive a run, and the local publisher never overwrites one.
  const name = `e2e-${Date.now().toString(36)}`;

  // As a newcomer would: the template's card on /create. (All cards share
  // one article, so the card is found from its title.) A backend that just
  // started may not have ingested the template yet.
  const choose = page
    .getByText('Worker Platform service', { exact: true })
    .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]')
    .getByRole('button', { name: 'Choose' });
  await expect(async () => {
    await openAsGuest(page, '/create');
    await expect(choose).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await choose.click();

  // Service: the owner defaults to the platform team.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Made by the wizard e2e test: queues "a" & #b');
  await next(page);

  // Worker pools: rename the default pool and give it a second queue.
  await page.getByRole('textbox', { name: 'Pool name' }).fill('gpu');
  await page.getByRole('spinbutton', { name: 'GPUs per worker' }).fill('1');
  await page.getByRole('textbox', { name: 'Queue name' }).fill('pro');
  // The first "Add Item" belongs to the pool's queues, the last to the pools.
  await page.getByRole('button', { name: 'Add Item' }).first().click();
  await page.getByRole('textbox', { name: 'Queue name' }).last().fill('free');
  await next(page);

  // Environments: keep development and production.
  await next(page);

  // Integrations: a canary delivery.
  await page.getByRole('button', { name: /^Delivery strategy/ }).click();
  await page
    .getByRole('option', { name: 'Canary (Argo Rollouts on the ALB)' })
    .click();
  await next(page);

  // Publish: the local repository is the default.
  await expect(page.getByText(/A local git repository/)).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(`git clone `)).toBeVisible();
  await openInCatalog.click();

  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}$`),
  );
  // The catalog scans the local publisher's directory as the repository
  // appears; its Component may need a few seconds to be processed.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText('Made by the wizard e2e test: queues "a" & #b').first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name })).toBeVisible();
});
