import { ResponseError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import { allStates } from '../../__fixtures__/allStates';
import { clusterUnreachable } from '../../__fixtures__/clusterUnreachable';
import { neverSynced } from '../../__fixtures__/neverSynced';
import { noClusters } from '../../__fixtures__/noClusters';
import {
  pingvasaiEntity,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { DeploymentsCard } from './DeploymentsCard';

const rowOf = async (environment: string) =>
  (await screen.findByRole('rowheader', { name: environment })).closest('tr')!;

describe('DeploymentsCard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows one row per environment', async () => {
    await renderForEntity(<DeploymentsCard />, allStates);

    expect(screen.getByText('Deployments')).toBeInTheDocument();
    const rows = within(
      await screen.findByRole('table', { name: 'Deployments by environment' }),
    ).getAllByRole('rowheader');
    expect(rows.map(row => row.textContent)).toEqual([
      'development',
      'staging',
      'production',
    ]);
  });

  it('shows Synced and Healthy with revision, deploy age and idle pools', async () => {
    await renderForEntity(<DeploymentsCard />, allStates);

    const row = within(await rowOf('development'));
    expect(row.getAllByText('Synced')).toHaveLength(2);
    expect(row.getAllByText('Healthy')).toHaveLength(2);
    expect(row.getByRole('link', { name: 'commit 9f3c2a1' })).toHaveAttribute(
      'href',
      'https://github.com/acme/pingvasai/commit/9f3c2a1e7b6d4c5a8e0f1b2c3d4e5f60718293a4',
    );
    expect(row.getByText('31 min ago')).toBeInTheDocument();
    expect(
      row.getByRole('cell', {
        name: 'gpu unknown · api-relay idle · system idle',
      }),
    ).toBeInTheDocument();
  });

  it('shows an OutOfSync Application and both revisions it spans', async () => {
    await renderForEntity(<DeploymentsCard />, allStates);

    const row = within(await rowOf('staging'));
    expect(row.getByText('OutOfSync')).toBeInTheDocument();
    expect(row.getByText('41d07be')).toBeInTheDocument();
    expect(row.getByText('9f3c2a1')).toBeInTheDocument();
    expect(
      row.getByRole('cell', {
        name: 'gpu 6/8 · api-relay idle · system paused',
      }),
    ).toBeInTheDocument();
  });

  it('shows a sync in progress and a Degraded Application', async () => {
    await renderForEntity(<DeploymentsCard />, allStates);

    const row = within(await rowOf('production'));
    expect(row.getByText('Progressing')).toBeInTheDocument();
    expect(row.getByText('Syncing')).toBeInTheDocument();
    expect(row.getByText('Degraded')).toBeInTheDocument();
    expect(
      row.getByRole('cell', {
        name: 'gpu 20/20 at max · api-relay fallback 2/5 · system failing',
      }),
    ).toBeInTheDocument();
  });

  it('shows a Missing Application that was never deployed', async () => {
    await renderForEntity(<DeploymentsCard />, neverSynced);

    const row = within(await rowOf('staging'));
    expect(row.getByText('OutOfSync')).toBeInTheDocument();
    expect(row.getByText('Missing')).toBeInTheDocument();
    expect(row.getByText('never')).toBeInTheDocument();
    expect(row.getByText('no worker pools')).toBeInTheDocument();
  });

  it('warns about an unreachable cluster with the age of its data', async () => {
    await renderForEntity(<DeploymentsCard />, clusterUnreachable);

    expect(
      await screen.findByText('cluster prod-eu unreachable, data 2 min old'),
    ).toBeInTheDocument();
    // The last known state is still shown.
    expect(await rowOf('production')).toHaveTextContent('gpu 6/20');
  });

  it('shows the revision as plain text when the repository is unknown', async () => {
    await renderForEntity(<DeploymentsCard />, allStates, {
      entity: {
        ...pingvasaiEntity,
        metadata: {
          name: 'pingvasai',
          annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
        },
      },
    });

    const row = within(await rowOf('development'));
    expect(row.getByText('9f3c2a1')).toBeInTheDocument();
    expect(row.queryByRole('link')).not.toBeInTheDocument();
  });

  it('names the config key when no cluster is configured', async () => {
    await renderForEntity(<DeploymentsCard />, noClusters);

    expect(
      await screen.findByText('No cluster configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
  });

  it('says what to do when the backend plugin is not there', async () => {
    const nothingMounted = await ResponseError.fromResponse(
      new Response(null, { status: 404, statusText: 'Not Found' }),
    );

    await renderForEntity(<DeploymentsCard />, nothingMounted);

    expect(
      await screen.findByText('Status backend not installed'),
    ).toBeInTheDocument();
  });
});
