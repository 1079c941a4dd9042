import fs from 'node:fs';
import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest } from './support/guest';

/**
 * The example service's deploy status, end to end: the real app and backend
 * watching a fake Kubernetes API server (playwright.config.ts starts it with
 * the pingvasai scenario; its control port lets the test change the cluster).
 */

const scenarioFile = path.resolve(
  __dirname,
  '../../../plugins/worker-platform-test-utils/src/__fixtures__/scenarios/pingvasai.json',
);
const baseScenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
const CONTROL_URL = 'http://127.0.0.1:16444/scenario';

async function putScenario(scenario: unknown) {
  const response = await fetch(CONTROL_URL, {
    method: 'PUT',
    body: JSON.stringify(scenario),
  });
  expect(response.status, await response.text()).toBe(204);
}

function environment(page: Page, name: string) {
  return page.getByRole('region', { name: `${name} environment` });
}

function poolRow(page: Page, env: string, pool: string) {
  return environment(page, env)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: pool, exact: true }) });
}

test.beforeEach(async () => {
  await putScenario(baseScenario);
});

test('the Deployments tab shows every environment as the cluster has it, and follows changes live', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');

  for (const env of ['development', 'staging', 'production']) {
    await expect(environment(page, env)).toBeVisible();
  }

  // ArgoCD: production's API is mid-sync, staging's workers are degraded.
  const productionApi = environment(page, 'production').getByRole('region', {
    name: 'Application pingvasai-production-api',
  });
  await expect(productionApi).toContainText('OutOfSync');
  await expect(productionApi).toContainText('Progressing');
  await expect(productionApi).toContainText(
    'waiting for healthy state of apps/Deployment/pingvasai-api',
  );
  await expect(
    environment(page, 'staging').getByRole('region', {
      name: 'Application pingvasai-staging-workers',
    }),
  ).toContainText('Degraded');

  // KEDA: each pool's state in words, with replicas and per-queue depth.
  await expect(poolRow(page, 'production', 'gpu')).toContainText('Active');
  await expect(poolRow(page, 'production', 'gpu')).toContainText(
    '6 (6 ready) · min 0 · max 20',
  );
  await expect(poolRow(page, 'production', 'api-relay')).toContainText('Idle');
  await expect(poolRow(page, 'production', 'system')).toContainText('Paused');
  await expect(poolRow(page, 'staging', 'system')).toContainText('Failing');
  await expect(poolRow(page, 'development', 'gpu')).toContainText('Idle');
  await expect(
    poolRow(page, 'production', 'gpu').getByRole('meter', {
      name: 'free queue depth',
    }),
  ).toHaveAttribute('aria-valuenow', '31');
  await expect(
    poolRow(page, 'staging', 'gpu').getByRole('meter', {
      name: 'pro queue depth',
    }),
  ).toHaveAttribute('aria-valuenow', '4');

  await page.screenshot({
    path: testInfo.outputPath('deployments-tab.png'),
    fullPage: true,
  });

  // A change in the cluster reaches the open page without a reload. The
  // expect timeout only ends the wait (a 2 s bound flaked on a loaded CI
  // machine); how fast changes show is measured by bench/, not here.
  await putScenario({
    ...baseScenario,
    environments: {
      ...baseScenario.environments,
      production: {
        ...baseScenario.environments.production,
        workers: {
          ...baseScenario.environments.production.workers,
          gpu: { replicas: 20, queues: { free: 120 } },
        },
      },
    },
  });
  await expect(poolRow(page, 'production', 'gpu')).toContainText('At max');
  await expect(poolRow(page, 'production', 'gpu')).toContainText(
    '20 (20 ready) · min 0 · max 20',
  );
});

test('the overview card sums up each environment', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/pingvasai');
  const card = page.getByRole('table', { name: 'Deployments by environment' });
  await expect(card).toBeVisible();
  for (const env of ['development', 'staging', 'production']) {
    await expect(card.getByRole('row').filter({ hasText: env })).toBeVisible();
  }
  await expect(card).toContainText('system paused');
  await page.screenshot({
    path: testInfo.outputPath('entity-overview.png'),
    fullPage: true,
  });
  await card.scrollIntoViewIfNeeded();
  await card
    .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]')
    .screenshot({ path: testInfo.outputPath('deployments-card.png') });
});
