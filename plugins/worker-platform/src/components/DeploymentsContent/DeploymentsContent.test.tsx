import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { allStates } from '../../__fixtures__/allStates';
import { clusterUnreachable } from '../../__fixtures__/clusterUnreachable';
import { neverSynced } from '../../__fixtures__/neverSynced';
import { noClusters } from '../../__fixtures__/noClusters';
import { noObjects } from '../../__fixtures__/noObjects';
import { scalingHistory } from '../../__fixtures__/scalingHistory';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { mockScreenWidth } from '../../__testUtils__/screenWidth';
import { DeploymentsContent, environmentColumns } from './DeploymentsContent';

const environment = async (name: string) =>
  within(await screen.findByRole('region', { name: `${name} environment` }));

const poolRow = async (env: string, pool: string) =>
  within(
    (await environment(env))
      .getByRole('rowheader', { name: pool })
      .closest('tr')!,
  );

const application = async (env: string, name: string) =>
  within(
    (await environment(env)).getByRole('region', {
      name: `Application ${name}`,
    }),
  );

describe('DeploymentsContent', () => {
  afterEach(() => jest.restoreAllMocks());

  it('opens with the promotion matrix, production behind staging highlighted', async () => {
    await renderForEntity(<DeploymentsContent />, allStates);
    const table = await screen.findByRole('table', {
      name: 'Promotion matrix',
    });
    // Before every environment's section.
    expect(
      table.compareDocumentPosition(
        await environment('development').then(
          e => e.getAllByRole('heading')[0],
        ),
      ) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Component', 'development', 'staging', 'production']);
    const api = within(
      within(table).getByRole('rowheader', { name: 'API' }).closest('tr')!,
    );
    const cells = api.getAllByRole('cell');
    expect(cells[0]).not.toHaveTextContent('differs');
    expect(cells[1]).toHaveTextContent('differs from development');
    expect(cells[2]).toHaveTextContent('differs from staging');
    expect(cells[2]).toHaveTextContent('9f3c2a1');
  });

  it('puts environments side by side on wide screens and stacks them on narrow ones', async () => {
    await renderForEntity(<DeploymentsContent />, allStates);
    for (const env of ['development', 'staging', 'production']) {
      const column = (
        await screen.findByRole('region', { name: `${env} environment` })
      ).closest('.MuiGrid-item')!;
      // 12 of 12 columns below the lg breakpoint (1280 px), 4 of 12 from it on.
      expect(column).toHaveClass('MuiGrid-grid-xs-12', 'MuiGrid-grid-lg-4');
    }
    expect(environmentColumns(1)).toBe(12);
    expect(environmentColumns(2)).toBe(6);
    expect(environmentColumns(5)).toBe(3);
  });

  describe('worker pools by screen width', () => {
    let restore: () => void = () => {};
    afterEach(() => restore());

    const poolTables = async () =>
      Promise.all(
        ['development', 'staging', 'production'].map(async env =>
          (await environment(env)).getByRole('table', {
            name: `Worker pools in ${env}`,
          }),
        ),
      );

    it.each([1440, 1920])(
      'lays each pool out as a card in three columns at %i px',
      async width => {
        restore = mockScreenWidth(width);
        await renderForEntity(<DeploymentsContent />, allStates);
        for (const table of await poolTables()) {
          expect(table).toHaveAttribute('data-layout', 'cards');
        }
        // A card keeps the row's cells, so it reads the same to a screen
        // reader, and names the numbers that the hidden header named.
        const gpu = await poolRow('staging', 'gpu');
        const [, replicas, , lastActive] = gpu.getAllByRole('cell');
        expect(replicas).toHaveAttribute('data-card-label', 'Replicas');
        expect(replicas).toHaveTextContent('6 (5 ready) · min 0 · max 8');
        expect(lastActive).toHaveAttribute('data-card-label', 'Last active');
      },
    );

    it('keeps the table when environments stack at 1024 px', async () => {
      restore = mockScreenWidth(1024);
      await renderForEntity(<DeploymentsContent />, allStates);
      for (const table of await poolTables()) {
        expect(table).toHaveAttribute('data-layout', 'table');
      }
    });

    it('uses cards on a phone', async () => {
      restore = mockScreenWidth(375);
      await renderForEntity(<DeploymentsContent />, allStates);
      for (const table of await poolTables()) {
        expect(table).toHaveAttribute('data-layout', 'cards');
      }
    });
  });

  it("collapses an environment's details", async () => {
    await renderForEntity(<DeploymentsContent />, allStates);
    const staging = await environment('staging');
    const toggle = staging.getByRole('button', { name: 'ArgoCD' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      staging.getByRole('region', {
        name: 'Application pingvasai-staging-api',
      }),
    ).toBeVisible();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() =>
      expect(
        staging.queryByRole('region', {
          name: 'Application pingvasai-staging-api',
        }),
      ).toBeNull(),
    );
    // The other environments keep theirs.
    expect(
      (await environment('production')).getByRole('button', { name: 'ArgoCD' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it("charts each pool's last hour in its environment, with a summary", async () => {
    await renderForEntity(<DeploymentsContent />, allStates, {
      history: scalingHistory,
    });
    const production = await environment('production');
    const gpu = await production.findByRole('img', {
      name: 'gpu replicas and queue depth, last 60 minutes',
    });
    expect(gpu).toHaveAccessibleDescription(
      expect.stringMatching(
        /^gpu: Scaled 0 → 6 at \d\d:02 when free reached 37\/10\.$/,
      ),
    );
    expect(
      production.getByRole('img', {
        name: 'api-relay replicas and queue depth, last 60 minutes',
      }),
    ).toHaveAccessibleDescription(
      'api-relay: Held at 0 replicas for the last 60 minutes.',
    );
    // Staging has pools but nothing recorded.
    expect(
      (await environment('staging')).getByText(
        'No scaling history recorded for this environment yet.',
      ),
    ).toBeInTheDocument();
  });

  it('shows every environment', async () => {
    await renderForEntity(<DeploymentsContent />, allStates);

    for (const env of ['development', 'staging', 'production']) {
      expect(await environment(env)).toBeDefined();
    }
  });

  describe('worker pools', () => {
    it.each([
      // [environment, pool, state word, replicas, last active]
      ['development', 'gpu', 'Unknown', '0 (0 ready) · min 0 · max 2', 'never'],
      [
        'development',
        'api-relay',
        'Idle',
        '0 (0 ready) · min 0 · max 5',
        '2 h ago',
      ],
      ['staging', 'gpu', 'Active', '6 (5 ready) · min 0 · max 8', '15 s ago'],
      [
        'staging',
        'system',
        'Paused',
        '1 (1 ready) · min 0 · max 3',
        '29 s ago',
      ],
      [
        'production',
        'gpu',
        'At max',
        '20 (20 ready) · min 0 · max 20',
        '8 s ago',
      ],
      [
        'production',
        'api-relay',
        'Fallback',
        '2 (2 ready) · min 0 · max 5',
        '12 min ago',
      ],
      [
        'production',
        'system',
        'Failing',
        '0 (0 ready) · min 0 · max 3',
        '14 h ago',
      ],
    ])(
      '%s %s is %s with replicas and last active time',
      async (env, pool, word, replicas, lastActive) => {
        await renderForEntity(<DeploymentsContent />, allStates);

        const row = await poolRow(env, pool);
        const [stateCell] = row.getAllByRole('cell');
        const state = within(stateCell).getByText(word);
        // The word comes with an icon, so colour is never the only signal.
        expect(state.parentElement!.querySelector('svg')).not.toBeNull();
        expect(row.getByText(replicas)).toBeInTheDocument();
        expect(row.getByText(lastActive)).toBeInTheDocument();
      },
    );

    it('shows each queue depth against its target as an accessible meter', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const row = await poolRow('staging', 'gpu');
      const pro = row.getByRole('meter', { name: 'pro queue depth' });
      expect(pro).toHaveAttribute('aria-valuenow', '7');
      expect(pro).toHaveAttribute('aria-valuemax', '7');
      expect(pro).toHaveAttribute(
        'aria-valuetext',
        'pro: 7 waiting, target 3, over target',
      );
      expect(row.getByText('7 / 3')).toBeInTheDocument();
      const studio = row.getByRole('meter', { name: 'studio queue depth' });
      expect(studio).toHaveAttribute('aria-valuenow', '2');
      expect(studio).toHaveAttribute('aria-valuemax', '2');
      expect(row.getAllByRole('meter')).toHaveLength(5);
    });

    it('tells an unknown queue depth and a failing trigger apart from an empty queue', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const failing = await poolRow('production', 'api-relay');
      const meter = failing.getByRole('meter', {
        name: 'api_relay queue depth',
      });
      expect(meter).not.toHaveAttribute('aria-valuenow');
      expect(meter).toHaveAttribute(
        'aria-valuetext',
        'api_relay: depth unknown, target 5',
      );
      expect(failing.getByText('Failing')).toBeInTheDocument();

      const idle = await poolRow('development', 'api-relay');
      expect(
        idle.getByRole('meter', { name: 'api_relay queue depth' }),
      ).toHaveAttribute('aria-valuenow', '0');
      expect(idle.getByText('Healthy')).toBeInTheDocument();
    });

    it('shows KEDA conditions on demand', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);
      const row = await poolRow('production', 'system');
      const toggle = row.getByRole('button', { name: 'Show KEDA conditions' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByText(/no such host/)).not.toBeInTheDocument();

      await userEvent.click(toggle);

      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      expect(toggle).toHaveTextContent('Hide KEDA conditions');
      expect(
        screen.getByText(
          'error establishing redis connection: dial tcp: lookup redis-service.default.svc.cluster.local: no such host',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/= False \(ScaledObjectCheckFailed\)/),
      ).toBeInTheDocument();
    });

    it('says so when an environment has no ScaledObject', async () => {
      await renderForEntity(<DeploymentsContent />, neverSynced);

      const staging = await environment('staging');
      expect(
        staging.getByText('No KEDA ScaledObject in this environment.'),
      ).toBeInTheDocument();
      expect(
        staging.getByText('No API Deployment in this environment.'),
      ).toBeInTheDocument();
    });
  });

  describe('ArgoCD Applications', () => {
    it('shows Synced and Healthy with the last sync and recent deploys', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const app = await application('development', 'pingvasai-development-api');
      expect(app.getByText('Synced')).toBeInTheDocument();
      expect(app.getByText('Healthy')).toBeInTheDocument();
      expect(app.getByText('Sync succeeded')).toBeInTheDocument();
      expect(app.getByText('finished 31 min ago')).toBeInTheDocument();
      const history = app.getByRole('list', {
        name: 'Recent deploys of pingvasai-development-api',
      });
      expect(
        within(history)
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual(['9f3c2a1 31 min ago', '41d07be 5 h ago']);
    });

    it('shows an OutOfSync Application with its failed sync and condition', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const app = await application('staging', 'pingvasai-staging-api');
      expect(app.getByText('OutOfSync')).toBeInTheDocument();
      expect(app.getByText('Sync failed')).toBeInTheDocument();
      expect(app.getByText(/already defined in ingress/)).toBeInTheDocument();
      expect(app.getByText('SyncError')).toBeInTheDocument();
      expect(
        app.getByText(/Failed sync attempt to 9f3c2a1e7b6d/),
      ).toBeInTheDocument();
    });

    it('shows a running sync with its message while Progressing', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const app = await application('production', 'pingvasai-production-api');
      expect(app.getByText('Progressing')).toBeInTheDocument();
      expect(app.getByText('Syncing')).toBeInTheDocument();
      expect(app.getByText('started 1 min ago')).toBeInTheDocument();
      expect(
        app.getByText(
          '— waiting for healthy state of apps/Deployment/pingvasai-api',
        ),
      ).toBeInTheDocument();
    });

    it('shows a Degraded Application', async () => {
      await renderForEntity(<DeploymentsContent />, allStates);

      const app = await application(
        'production',
        'pingvasai-production-workers',
      );
      expect(app.getByText('Degraded')).toBeInTheDocument();
      expect(app.getByText('Synced')).toBeInTheDocument();
    });

    it('shows a Missing Application that was never synced', async () => {
      await renderForEntity(<DeploymentsContent />, neverSynced);

      const app = await application('staging', 'pingvasai-staging-workers');
      expect(app.getByText('OutOfSync')).toBeInTheDocument();
      expect(app.getByText('Missing')).toBeInTheDocument();
      expect(app.getByText('no revision synced yet')).toBeInTheDocument();
      expect(app.getByText(/app path does not exist/)).toBeInTheDocument();
    });
  });

  it('shows the API Deployment replicas', async () => {
    await renderForEntity(<DeploymentsContent />, allStates);

    expect(
      (await environment('production')).getByText(
        'pingvasai-production/pingvasai-api: 3 of 5 replicas ready',
      ),
    ).toBeInTheDocument();
  });

  it('keeps showing the last known state of an unreachable cluster, with its age', async () => {
    await renderForEntity(<DeploymentsContent />, clusterUnreachable);

    expect(
      await screen.findByText('cluster prod-eu unreachable, data 2 min old'),
    ).toBeInTheDocument();
    expect(screen.getByText(/connect ETIMEDOUT/)).toBeInTheDocument();
    expect(
      (await poolRow('production', 'gpu')).getByText('Active'),
    ).toBeInTheDocument();
  });

  it('names the config key when no cluster is configured', async () => {
    await renderForEntity(<DeploymentsContent />, noClusters);

    expect(
      await screen.findByText('No cluster configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
  });

  it('names the label it looked for when nothing is deployed', async () => {
    await renderForEntity(<DeploymentsContent />, noObjects);

    expect(await screen.findByText('Nothing deployed yet')).toBeInTheDocument();
    expect(
      screen.getByText(/backstage\.io\/kubernetes-id=pingvasai/),
    ).toBeInTheDocument();
  });

  it('says the backend is unreachable when the request fails', async () => {
    await renderForEntity(
      <DeploymentsContent />,
      new TypeError('Failed to fetch'),
    );

    expect(await screen.findByText('Backend unreachable')).toBeInTheDocument();
    expect(screen.getByText(/backend\.baseUrl/)).toBeInTheDocument();
  });
});
