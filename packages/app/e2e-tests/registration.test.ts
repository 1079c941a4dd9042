import { test, expect } from '@playwright/test';
import { openAsGuest } from './support/guest';
import { next, openWizard } from './support/wizard';

/** The fake cluster of app-config.e2e.yaml (another one's, to run beside another suite). */
const FAKE_CLUSTER_URL =
  process.env.FAKE_CLUSTER_URL ?? 'http://127.0.0.1:16443';

/**
 * The create loop, closed: the service wizard, with the local publisher and
 * "Register with ArgoCD now" on a cluster picked from those open for
 * registration (app-config.e2e.yaml opens the fake cluster), applies the new
 * repository's AppProject and Applications to the fake cluster; its
 * Deployments tab then shows every environment's Applications, with no
 * manual step.
 */

test('the service wizard registers the new service with ArgoCD, and its Deployments tab shows its Applications', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Repositories outlive a run, and the local publisher never overwrites one.
  const name = `e2e-reg-${Date.now().toString(36)}`;
  // The e2e guest (user:development/guest) owns nothing, and a service not
  // yet in the catalog has no owners, so the example policy lets it register
  // outside production only (the demo's guest is a platform member).
  const environments = ['development', 'staging'];
  const applications = environments.flatMap(env => [
    `${name}-${env}-api`,
    `${name}-${env}-workers`,
  ]);

  // The default pool; the default environments, production renamed staging.
  await openWizard(page, 'worker-platform-service', 'Name');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await next(page);
  await next(page);
  await page
    .getByRole('textbox', { name: 'Environment name' })
    .last()
    .fill('staging');
  await next(page);
  await next(page);

  // Publish: the local repository, and registration on the picked cluster.
  await expect(page.getByText(/A local git repository/)).toBeVisible();
  await page
    .getByRole('checkbox', { name: 'Register with ArgoCD now' })
    .check();
  const cluster = page.getByRole('button', { name: /^Cluster/ });
  await expect(cluster).toBeVisible();
  await expect(
    page.getByText(/workerPlatform\.argocd\.registration\.clusters/),
  ).toBeVisible();
  await cluster.click();
  await page
    .getByRole('option', { name: 'e2e-fake-cluster (ArgoCD namespace argocd)' })
    .click();
  await expect(cluster).toContainText('e2e-fake-cluster');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task registered every Application and says so.
  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'ArgoCD', exact: true }).click();
  await expect(
    page.getByText(/Registered with the ArgoCD of/).first(),
  ).toContainText('e2e-fake-cluster');
  for (const application of applications) {
    await expect(page.getByText(application).first()).toBeVisible();
  }

  // The shared notifications ConfigMap got this service's keys, and only
  // those of the instance it already had.
  const configMap = await fetch(
    `${FAKE_CLUSTER_URL}/api/v1/namespaces/argocd/configmaps/argocd-notifications-cm`,
    { headers: { authorization: 'Bearer fake-cluster-token' } },
  );
  expect(configMap.status).toBe(200);
  const keys = Object.keys((await configMap.json()).data);
  expect(keys).toEqual(
    expect.arrayContaining([
      `template.${name}-app-deployed`,
      `trigger.${name}-on-deployed`,
    ]),
  );
  expect(keys).not.toContain('service.slack');

  // The Deployments tab: the catalog may need a few seconds to process the
  // new repository's Component before the tab exists.
  await expect(async () => {
    await openAsGuest(page, `/catalog/default/component/${name}/deployments`);
    await expect(
      page.getByRole('region', { name: 'development environment' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  for (const env of environments) {
    const region = page.getByRole('region', { name: `${env} environment` });
    await expect(region).toBeVisible();
    for (const component of ['api', 'workers']) {
      await expect(
        region.getByRole('region', {
          name: `Application ${name}-${env}-${component}`,
        }),
      ).toBeVisible();
    }
  }
});
