import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import type {
  DeployOperationRequest,
  EntityDeployStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { allStates } from '../../__fixtures__/allStates';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import type { WorkerPlatformApi } from '../../api';
import { DeploymentsContent } from '../DeploymentsContent';

const status: EntityDeployStatus = allStates;

const environment = async (name: string) =>
  within(await screen.findByRole('region', { name: `${name} environment` }));

const actionsOf = async (env: string, app: string) =>
  within(
    (await environment(env)).getByRole('group', { name: `Actions on ${app}` }),
  );

function apiAnswering(
  answer: (request: DeployOperationRequest) => Promise<any>,
): WorkerPlatformApi & { calls: DeployOperationRequest[] } {
  const calls: DeployOperationRequest[] = [];
  return {
    calls,
    getEntityDeployStatus: async () => status,
    getEntityScalingHistory: async () => ({
      entityRef: status.entityRef,
      generatedAt: status.generatedAt,
      minutes: 60,
      environments: [],
    }),
    runOperation: async (_ref, request) => {
      calls.push(request);
      return answer(request);
    },
    getRegistrationClusters: async () => [],
  };
}

// Like the example policy for a guest: anything but production.
const outsideProduction = (request: EvaluatePermissionRequest) =>
  (request as { resourceRef?: string }).resourceRef?.endsWith('#production')
    ? AuthorizeResult.DENY
    : AuthorizeResult.ALLOW;

describe('operations on the Deployments tab', () => {
  afterEach(() => jest.restoreAllMocks());

  it('offers terminate instead of sync while an operation runs, and resume for a paused pool', async () => {
    await renderForEntity(<DeploymentsContent />, status);
    const production = await actionsOf(
      'production',
      'pingvasai-production-api',
    );
    expect(
      await production.findByRole('button', { name: 'Terminate' }),
    ).toBeInTheDocument();
    expect(production.queryByRole('button', { name: 'Sync' })).toBeNull();
    const staging = await environment('staging');
    const system = within(
      staging.getByRole('rowheader', { name: 'system' }).closest('tr')!,
    );
    expect(
      await system.findByRole('button', { name: 'Resume scaling' }),
    ).toBeInTheDocument();
  });

  it('confirms a production sync naming what and where, then shows the result', async () => {
    const api = apiAnswering(async request => ({
      operation: request.operation,
      target: {
        kind: 'Application',
        namespace: 'argocd',
        name: 'pingvasai-production-workers',
      },
      environment: 'production',
      cluster: 'prod-eu',
      dryRun: false,
      unchanged: false,
      message:
        'ArgoCD will sync pingvasai-production-workers to its target revision',
    }));
    await renderForEntity(<DeploymentsContent />, status, { api });
    const actions = await actionsOf(
      'production',
      'pingvasai-production-workers',
    );
    await userEvent.click(await actions.findByRole('button', { name: 'Sync' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(
      dialog.getByText('Sync pingvasai-production-workers in production?'),
    ).toBeInTheDocument();
    expect(
      dialog.getByText('This changes production (production).'),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(
        /Application argocd\/pingvasai-production-workers in cluster/,
      ),
    ).toBeInTheDocument();
    expect(api.calls).toEqual([]);
    await userEvent.click(dialog.getByRole('button', { name: 'Sync' }));
    expect(
      await screen.findByText(
        'ArgoCD will sync pingvasai-production-workers to its target revision',
      ),
    ).toBeInTheDocument();
    expect(api.calls).toEqual([
      {
        environment: 'production',
        operation: 'sync',
        application: 'pingvasai-production-workers',
      },
    ]);
  });

  it("pauses a pool at a replica count, and shows the cluster's refusal", async () => {
    const api = apiAnswering(async () => {
      throw new Error(
        'The cluster refused: admission webhook denied (HTTP 403)',
      );
    });
    await renderForEntity(<DeploymentsContent />, status, { api });
    const development = await environment('development');
    const gpu = within(
      development.getByRole('rowheader', { name: 'gpu' }).closest('tr')!,
    );
    await userEvent.click(
      await gpu.findByRole('button', { name: 'Pause scaling' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.type(dialog.getByRole('textbox'), '2');
    expect(
      dialog.getByText(/KEDA scales the pool to 2 replicas and holds it there/),
    ).toBeInTheDocument();
    await userEvent.click(
      dialog.getByRole('button', { name: 'Pause scaling' }),
    );
    expect(
      await screen.findByText(
        'The cluster refused: admission webhook denied (HTTP 403)',
      ),
    ).toBeInTheDocument();
    expect(api.calls).toEqual([
      {
        environment: 'development',
        worker: 'gpu',
        operation: 'pause',
        replicas: 2,
      },
    ]);
  });

  it('cancels without calling the backend', async () => {
    const api = apiAnswering(async () => ({}));
    await renderForEntity(<DeploymentsContent />, status, { api });
    const actions = await actionsOf('staging', 'pingvasai-staging-api');
    await userEvent.click(
      await actions.findByRole('button', { name: 'Refresh' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    expect(api.calls).toEqual([]);
  });
  it('offers only what the permission policy allows, per environment', async () => {
    await renderForEntity(<DeploymentsContent />, status, {
      authorize: outsideProduction,
    });
    const development = await actionsOf(
      'development',
      'pingvasai-development-api',
    );
    expect(
      await development.findByRole('button', { name: 'Sync' }),
    ).toBeInTheDocument();
    expect(
      development.getByRole('button', { name: 'Refresh' }),
    ).toBeInTheDocument();
    const production = await actionsOf(
      'production',
      'pingvasai-production-api',
    );
    expect(production.queryAllByRole('button')).toEqual([]);
    expect(
      (await environment('production')).queryByRole('button', {
        name: /Pause scaling|Resume scaling|Roll back/,
      }),
    ).toBeNull();
  });
});
