import fs from 'node:fs';
import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest } from './support/guest';

/**
 * Day-2 operations end to end: the real app and backend, the example
 * permission policy (packages/backend), and the fake cluster with its fake
 * ArgoCD controller. The e2e guest (user:development/guest) owns nothing, so
 * the policy lets it act outside production only.
 */

const scenarioFile = path.resolve(
  __dirname,
  '../../../plugins/worker-platform-test-utils/src/__fixtures__/scenarios/pingvasai.json',
);
const baseScenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
const CONTROL_URL = 'http://127.0.0.1:16444/scenario';
const BACKEND_URL = 'http://localhost:7007';

// Development's API has a new commit waiting.
const scenario = {
  ...baseScenario,
  environments: {
    ...baseScenario.environments,
    development: {
      ...baseScenario.environments.development,
      applications: {
        ...baseScenario.environments.development.applications,
        api: {
          ...baseScenario.environments.development.applications.api,
          sync: 'OutOfSync',
        },
      },
    },
  },
};

function environment(page: Page, name: string) {
  return page.getByRole('region', { name: `${name} environment` });
}

function poolRow(page: Page, env: string, pool: string) {
  return environment(page, env)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: pool, exact: true }) });
}

test.beforeEach(async () => {
  const response = await fetch(CONTROL_URL, {
    method: 'PUT',
    body: JSON.stringify(scenario),
  });
  expect(response.status, await response.text()).toBe(204);
});

test('a guest syncs and pauses in development, sees the result live, and has no buttons in production', async ({
  page,
}, testInfo) => {
  // The policy's answers for production, which decide its buttons.
  const productionDecided = page.waitForResponse(
    response =>
      response.url().includes('/api/permission/authorize') &&
      (response.request().postData() ?? '').includes('#production'),
  );
  await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');

  const developmentApi = environment(page, 'development').getByRole('region', {
    name: 'Application pingvasai-development-api',
  });
  await expect(developmentApi).toContainText('OutOfSync');
  await developmentApi
    .getByRole('group', { name: 'Actions on pingvasai-development-api' })
    .getByRole('button', { name: 'Sync' })
    .click();
  const syncDialog = page.getByRole('dialog');
  await expect(syncDialog).toContainText(
    'Sync pingvasai-development-api in development?',
  );
  await expect(syncDialog).toContainText(
    'Application argocd/pingvasai-development-api in cluster e2e-fake-cluster',
  );
  await syncDialog.getByRole('button', { name: 'Sync' }).click();
  await expect(
    developmentApi.getByRole('status', { name: 'Sync result' }),
  ).toContainText('ArgoCD will sync pingvasai-development-api');
  // The fake ArgoCD controller runs the sync; Signals bring each step.
  await expect(developmentApi).not.toContainText('OutOfSync', {
    timeout: 10_000,
  });
  await expect(developmentApi).toContainText('Synced');
  await expect(developmentApi).toContainText(
    'successfully synced (all tasks run)',
  );

  const gpu = poolRow(page, 'development', 'gpu');
  await expect(gpu).not.toContainText('Paused');
  await gpu.getByRole('button', { name: 'Pause scaling' }).click();
  const pauseDialog = page.getByRole('dialog');
  await expect(pauseDialog).toContainText(
    'Pause autoscaling of gpu in development?',
  );
  await expect(pauseDialog).toContainText(
    'ScaledObject pingvasai-development-worker/pingvasai-gpu-worker',
  );
  await pauseDialog.getByRole('button', { name: 'Pause scaling' }).click();
  await expect(gpu).toContainText('Paused');
  await expect(
    gpu.getByRole('button', { name: 'Resume scaling' }),
  ).toBeVisible();

  // Production: the policy refuses the guest, so no button is offered
  // (checked once the decisions arrived and the page had time to show them).
  const production = environment(page, 'production');
  await expect(production).toBeVisible();
  expect((await productionDecided).ok()).toBe(true);
  await page.waitForTimeout(1_000);
  await expect(
    production.getByRole('button', { name: /Show KEDA conditions/ }).first(),
  ).toBeVisible();
  for (const name of ['Sync', 'Refresh', 'Terminate', 'Pause scaling']) {
    await expect(production.getByRole('button', { name })).toHaveCount(0);
  }

  await page.screenshot({
    path: testInfo.outputPath('deployments-operations.png'),
    fullPage: true,
  });
});

test('the operations route answers the guest 403 in production and 202 in development', async ({
  request,
}) => {
  const refresh = await request.get(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(refresh.ok(), await refresh.text()).toBe(true);
  const token = (await refresh.json()).backstageIdentity.token;
  const post = (data: object) =>
    request.post(
      `${BACKEND_URL}/api/worker-platform/operations/component/default/pingvasai`,
      { headers: { Authorization: `Bearer ${token}` }, data },
    );

  const refused = await post({
    environment: 'production',
    operation: 'sync',
    application: 'pingvasai-production-workers',
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe(
    'user:development/guest may not sync in production of component:default/pingvasai',
  );

  const allowed = await post({
    environment: 'development',
    operation: 'pause',
    worker: 'system',
    dryRun: true,
  });
  expect(allowed.status(), await allowed.text()).toBe(202);
  expect(await allowed.json()).toMatchObject({ dryRun: true });
});
