import fs from 'node:fs';
import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest } from './support/guest';

/**
 * The Deployments tab's scaling timeline and promotion matrix, end to end:
 * the backend records what its watch and its queue-depth polls see of the
 * fake cluster, and the open page follows without a reload.
 */

const scenarioFile = path.resolve(
  __dirname,
  '../../../plugins/worker-platform-test-utils/src/__fixtures__/scenarios/pingvasai.json',
);
const baseScenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
// Another fake cluster's control port when the suite runs on other ports.
const CONTROL_URL =
  process.env.FAKE_CLUSTER_CONTROL_URL ?? 'http://127.0.0.1:16444/scenario';
const GPU_CHART = 'gpu replicas and queue depth, last 60 minutes';

async function putScenario(scenario: unknown) {
  const response = await fetch(CONTROL_URL, {
    method: 'PUT',
    body: JSON.stringify(scenario),
  });
  expect(response.status, await response.text()).toBe(204);
}

function withProductionGpu(gpu: object) {
  return {
    ...baseScenario,
    environments: {
      ...baseScenario.environments,
      production: {
        ...baseScenario.environments.production,
        workers: { ...baseScenario.environments.production.workers, gpu },
      },
    },
  };
}

function environment(page: Page, name: string) {
  return page.getByRole('region', { name: `${name} environment` });
}

test.use({ viewport: { width: 1600, height: 1000 } });

test.beforeEach(async () => {
  await putScenario(baseScenario);
});

test("a pool's chart follows replicas and queue depth changed in the cluster, without a reload", async ({
  page,
}) => {
  await putScenario(withProductionGpu({ replicas: 2, queues: { free: 5 } }));
  // The points themselves arrive over Signals' websocket, to this user.
  const pushed: string[] = [];
  page.on('websocket', socket =>
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"history-points"')) {
        pushed.push(String(payload));
      }
    }),
  );
  await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');

  const chart = environment(page, 'production').getByRole('img', {
    name: GPU_CHART,
  });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/^gpu: /);

  // The depth first: wait until the poll has seen it (the table's meter).
  await putScenario(withProductionGpu({ replicas: 2, queues: { free: 170 } }));
  await expect(
    environment(page, 'production')
      .getByRole('row')
      .filter({
        has: page.getByRole('rowheader', { name: 'gpu', exact: true }),
      })
      .getByRole('meter', { name: 'free queue depth' }),
  ).toHaveAttribute('aria-valuenow', '170');

  // Then the replicas: the summary names the change and the queue behind it.
  await putScenario(withProductionGpu({ replicas: 17, queues: { free: 170 } }));
  await expect(chart).toHaveAccessibleDescription(
    /scaled 2 → 17 at \d\d:\d\d when free reached 170\/10/i,
  );
  expect(
    pushed.some(
      frame => frame.includes('"production"') && frame.includes('"desired":17'),
    ),
  ).toBe(true);

  // And back down once the queue drained.
  await putScenario(withProductionGpu({ replicas: 0, queues: { free: 0 } }));
  await expect(chart).toHaveAccessibleDescription(
    /scaled 17 → 0 at \d\d:\d\d/i,
  );
});

test('the matrix tops the tab and environments sit side by side on a wide screen', async ({
  page,
}) => {
  // Staging runs development's commit; production is one promotion behind.
  const promoted =
    baseScenario.environments.development.applications.api.revision;
  const stagingScenario = baseScenario.environments.staging;
  await putScenario({
    ...baseScenario,
    environments: {
      ...baseScenario.environments,
      staging: {
        ...stagingScenario,
        applications: {
          ...stagingScenario.applications,
          api: { ...stagingScenario.applications?.api, revision: promoted },
          workers: {
            ...stagingScenario.applications?.workers,
            revision: promoted,
          },
        },
      },
    },
  });
  await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');
  const matrix = page.getByRole('table', { name: 'Promotion matrix' });
  await expect(matrix).toBeVisible();
  const api = matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'API', exact: true }) });
  await expect(api.getByRole('cell').nth(1)).not.toContainText('differs');
  await expect(api.getByRole('cell').nth(2)).toContainText(
    'differs from staging',
  );

  const boxes = await Promise.all(
    ['development', 'staging', 'production'].map(env =>
      environment(page, env).boundingBox(),
    ),
  );
  const [development, staging, production] = boxes.map(box => box!);
  expect(staging.x).toBeGreaterThan(development.x + development.width - 1);
  expect(production.x).toBeGreaterThan(staging.x + staging.width - 1);
  expect(Math.abs(staging.y - development.y)).toBeLessThan(2);

  // On a narrow screen they stack.
  await page.setViewportSize({ width: 900, height: 1000 });
  const narrow = await Promise.all(
    ['development', 'staging'].map(env => environment(page, env).boundingBox()),
  );
  expect(narrow[1]!.y).toBeGreaterThan(narrow[0]!.y + narrow[0]!.height - 1);
});

for (const width of [1440, 1920]) {
  test(`each environment's worker pools read without squeezing at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 1000 });
    await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');
    for (const env of ['development', 'staging', 'production']) {
      const region = environment(page, env);
      const pools = region.getByRole('table', {
        name: `Worker pools in ${env}`,
      });
      await expect(pools).toHaveAttribute('data-layout', 'cards');
      const column = (await region.boundingBox())!;
      const table = (await pools.boundingBox())!;
      expect(table.x + table.width).toBeLessThanOrEqual(
        column.x + column.width + 1,
      );
      // Nothing scrolls sideways, and a pool's name and replicas each stay
      // on one line instead of breaking letter by letter.
      expect(
        await pools.evaluate(
          el => el.parentElement!.scrollWidth - el.parentElement!.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      const gpu = pools.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: 'gpu', exact: true }),
      });
      const name = (await gpu.getByRole('rowheader').boundingBox())!;
      const replicas = (await gpu.getByRole('cell').nth(1).boundingBox())!;
      expect(name.height).toBeLessThan(30);
      expect(replicas.height).toBeLessThan(30);
      await expect(
        gpu.getByRole('meter', { name: 'free queue depth' }),
      ).toBeVisible();
    }
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the Deployments tab in ${theme} mode`, async ({
    page,
  }, testInfo) => {
    await page.addInitScript(mode => {
      window.localStorage.setItem('theme', mode);
    }, theme);
    await openAsGuest(page, '/catalog/default/component/pingvasai/deployments');
    await expect(
      environment(page, 'production').getByRole('img', { name: GPU_CHART }),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath(`deployments-tab-${theme}.png`),
      fullPage: true,
    });
  });
}
