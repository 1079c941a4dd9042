import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { allStates } from './__fixtures__/allStates';
import { pingvasaiEntity } from './__testUtils__/renderForEntity';
import { workerPlatformApiRef } from './api';
import {
  EntityWorkerPlatformCard,
  EntityWorkerPlatformContent,
} from './plugin';

// Older apps render the legacy extensions in their own entity pages.
describe('legacy frontend system exports', () => {
  const status = allStates;
  const render = (element: JSX.Element) =>
    renderInTestApp(
      <TestApiProvider
        apis={[
          [workerPlatformApiRef, { getEntityDeployStatus: async () => status }],
          [signalApiRef, { subscribe: () => ({ unsubscribe: () => {} }) }],
          // Every Backstage app provides one; buttons ask it.
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={pingvasaiEntity}>{element}</EntityProvider>
      </TestApiProvider>,
    );

  it('renders the Deployments card', async () => {
    await render(<EntityWorkerPlatformCard />);

    expect(
      await screen.findByRole('table', { name: 'Deployments by environment' }),
    ).toBeInTheDocument();
  });

  it('renders the Deployments tab content', async () => {
    // Legacy entity pages mount the tab on a route, as EntityLayout.Route does.
    await render(
      <Routes>
        <Route path="/*" element={<EntityWorkerPlatformContent />} />
      </Routes>,
    );

    expect(
      await screen.findByRole('region', { name: 'production environment' }),
    ).toBeInTheDocument();
  });
});
