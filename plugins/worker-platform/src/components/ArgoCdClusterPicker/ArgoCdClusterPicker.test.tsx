import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegistrationClusterSummary } from '@worker-platform/plugin-worker-platform-common';
import { workerPlatformApiRef, type WorkerPlatformApi } from '../../api';
import {
  ArgoCdClusterPicker,
  validateArgoCdCluster,
} from './ArgoCdClusterPicker';

const schema = {
  title: 'Cluster',
  type: 'string' as const,
  description: 'The cluster whose ArgoCD gets the Applications.',
};

const apiListing = (
  clusters: RegistrationClusterSummary[] | Error,
): WorkerPlatformApi =>
  ({
    getRegistrationClusters: async () => {
      if (clusters instanceof Error) throw clusters;
      return clusters;
    },
  } as unknown as WorkerPlatformApi);

const TWO = [
  { name: 'prod-eu', namespace: 'argocd' },
  { name: 'prod-us', namespace: 'gitops' },
];

async function renderWith(
  clusters: RegistrationClusterSummary[] | Error,
  formData?: string,
) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[workerPlatformApiRef, apiListing(clusters)]]}>
      <ArgoCdClusterPicker
        {...({} as any)}
        schema={schema}
        uiSchema={{}}
        idSchema={{ $id: 'root_argocdCluster' } as any}
        formData={formData}
        formContext={{ formData: {} }}
        onChange={onChange}
        rawErrors={[]}
      />
    </TestApiProvider>,
  );
  return onChange;
}

async function validate(
  clusters: RegistrationClusterSummary[],
  value: string | undefined,
) {
  const validation = createFieldValidation();
  await validateArgoCdCluster(value, validation, {
    apiHolder: { get: () => apiListing(clusters) } as any,
    formData: {},
    schema: {},
  });
  return validation.__errors;
}

describe('ArgoCdClusterPicker', () => {
  it('offers the clusters open for registration with their ArgoCD namespace, and the help text', async () => {
    const onChange = await renderWith(TWO);

    const select = await screen.findByRole('button', { name: /Cluster/ });
    expect(
      screen.getByText('The cluster whose ArgoCD gets the Applications.'),
    ).toBeInTheDocument();
    // Nothing picked yet, but in the form data so the validator runs.
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(''));

    await userEvent.click(select);
    const listbox = within(await screen.findByRole('listbox'));
    expect(listbox.getAllByRole('option').map(o => o.textContent)).toEqual([
      'prod-eu (ArgoCD namespace argocd)',
      'prod-us (ArgoCD namespace gitops)',
    ]);
    await userEvent.click(listbox.getByRole('option', { name: /prod-us/ }));
    expect(onChange).toHaveBeenLastCalledWith('prod-us');
  });

  it('picks the only cluster by itself', async () => {
    const onChange = await renderWith([TWO[0]]);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('prod-eu'));
  });

  it('keeps a cluster already picked', async () => {
    const onChange = await renderWith(TWO, 'prod-us');
    expect(
      await screen.findByRole('button', { name: /prod-us/ }),
    ).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says which configuration opens a cluster when none is', async () => {
    await renderWith([]);
    expect(
      await screen.findByText(/No cluster is open for registration/),
    ).toHaveTextContent('workerPlatform.argocd.registration.clusters');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says why when the clusters cannot be listed', async () => {
    await renderWith(new Error('HTTP 503'));
    expect(
      await screen.findByText(/Cannot list the clusters open for registration/),
    ).toHaveTextContent('HTTP 503');
  });
});

describe('validateArgoCdCluster', () => {
  it('accepts only a cluster open for registration', async () => {
    expect(await validate(TWO, 'prod-us')).toEqual([]);
    expect(await validate(TWO, '')).toEqual([
      'Pick the cluster to register with: prod-eu, prod-us',
    ]);
    expect(await validate(TWO, 'staging-eu')).toEqual([
      'staging-eu is not open for registration; pick one of prod-eu, prod-us',
    ]);
    expect(await validate([], undefined)).toEqual([
      'No cluster is open for registration (workerPlatform.argocd.registration.clusters); turn registration off',
    ]);
  });
});
