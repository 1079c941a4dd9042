import { expect, Page } from '@playwright/test';
import { openAsGuest } from './guest';

/**
 * Opens a template's wizard by its URL. A backend that just started may not
 * have ingested the template yet, hence the retries.
 */
export async function openWizard(
  page: Page,
  template: string,
  firstField: string,
) {
  await expect(async () => {
    await openAsGuest(page, `/create/templates/default/${template}`);
    await expect(page.getByText(firstField).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
}

/** Goes to the wizard's next page. */
export async function next(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
}
