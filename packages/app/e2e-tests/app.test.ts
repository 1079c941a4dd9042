import { test, expect, Page } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // Signed in once the app shell renders; navigating earlier drops the session.
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Create' }),
  ).toBeVisible();
}

test('a guest sees the example service in the catalog', async ({ page }) => {
  await signInAsGuest(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The catalog page is mounted at `/` and lists Components by default.
  const service = page.getByRole('link', { name: 'pingvasai', exact: true });
  await expect(service).toBeVisible();
  await service.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/pingvasai/);
  await expect(page.getByText('AI image generation API').first()).toBeVisible();
});

test('a guest finds the worker-platform template on the create page', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(page.getByRole('heading', { name: 'Templates' })).toBeVisible();
  await expect(page.getByText('Worker Platform service')).toBeVisible();
});
