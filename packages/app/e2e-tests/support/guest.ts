import { expect, Page } from '@playwright/test';

/** Opens a page, signing in as guest when the app asks. */
export async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create', exact: true });
  await expect(enter.or(signedIn)).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
    // Navigating before the app shell renders would drop the new session.
    await expect(signedIn).toBeVisible();
  }
}
