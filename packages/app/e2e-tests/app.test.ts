import { test, expect } from '@playwright/test';
import { openAsGuest } from './support/guest';

test('a guest sees the example service in the catalog', async ({ page }) => {
  // The catalog page is mounted at `/` and lists Components by default.
  await openAsGuest(page, '/');
  const service = page.getByRole('link', { name: 'pingvasai', exact: true });
  await expect(service).toBeVisible();
  await service.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/pingvasai/);
  await expect(page.getByText('AI image generation API').first()).toBeVisible();
});

test('a guest finds the worker-platform template on the create page', async ({
  page,
}) => {
  await openAsGuest(page, '/create');
  await expect(page.getByRole('heading', { name: 'Templates' })).toBeVisible();
  await expect(page.getByText('Worker Platform service')).toBeVisible();
});
