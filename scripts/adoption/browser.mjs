/**
 * The entity page's Deployments tab in the adopter's app, seen through the
 * machine's Chromium with Playwright's library (no test runner: one page,
 * one question).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Chromium as playwright.config.ts uses it (`CHROMIUM_PATH` overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser check cannot run here, or undefined. */
export function browserUnavailable() {
  return fs.existsSync(CHROMIUM_PATH)
    ? undefined
    : `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
}

/**
 * Opens `entityUrl` as the guest (the generated app's sign-in page has an
 * Enter button), follows the entity page's `tabTitle` tab (in the tab bar
 * or in the `groupTitle` group's menu), and waits for each environment's
 * region. Saves a screenshot to `screenshotFile` on failure.
 */
export async function seeEnvironmentsOnTab({
  entityUrl,
  tabTitle,
  groupTitle,
  tabPath,
  environments,
  timeoutMs,
  screenshotFile,
}) {
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    await page.goto(entityUrl);
    const enter = page.getByRole('button', { name: 'Enter' });
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await enter.or(nav).first().waitFor();
    if (await enter.isVisible()) await enter.click();
    // The caller has seen the entity in the catalog already. The tab is
    // in the entity page's tab bar, or, when the page groups its tabs, in
    // the menu of its group; found by role, as the overview's card has the
    // same title.
    const named = role => page.getByRole(role, { name: tabTitle, exact: true });
    const tab = named('tab')
      .or(named('menuitemradio'))
      .or(named('menuitem'))
      .first();
    const group = page.getByText(groupTitle, { exact: true }).first();
    await tab
      .or(group)
      .first()
      .waitFor()
      .catch(error => {
        throw new Error(
          `neither a "${tabTitle}" tab nor a "${groupTitle}" group on ${entityUrl}: ${error.message}`,
        );
      });
    if (!(await tab.isVisible())) await group.click();
    await tab.click();
    await page.waitForURL(url => url.pathname.endsWith(`/${tabPath}`));
    for (const environment of environments) {
      await page
        .getByRole('region', { name: `${environment} environment` })
        .waitFor();
    }
    return { url: page.url() };
  } catch (error) {
    await page.screenshot({ path: screenshotFile }).catch(() => {});
    throw new Error(`${error.message} (screenshot: ${screenshotFile})`);
  } finally {
    await browser.close();
  }
}
