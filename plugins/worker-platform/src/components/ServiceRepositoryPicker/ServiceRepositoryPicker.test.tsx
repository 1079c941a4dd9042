import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  ServiceRepositoryPicker,
  validateServiceRepository,
} from './ServiceRepositoryPicker';

const service = (name: string, sourceLocation?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/kubernetes-id': name,
      ...(sourceLocation
        ? { 'backstage.io/source-location': sourceLocation }
        : {}),
    },
  },
  spec: { type: 'service', owner: 'group:default/platform' },
});

const catalogApi = catalogApiMock({
  entities: [
    service(
      'local-service',
      'file:/tmp/worker-platform-repos/local-service/catalog-info.yaml',
    ),
    service(
      'github-service',
      'url:https://github.com/acme/imagegen/tree/main/',
    ),
    service('orphan'),
  ],
});

const schema = {
  title: 'GitHub repository',
  type: 'string' as const,
  description: 'give its GitHub repository',
};

async function renderFor(component: string, formData?: string) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <ServiceRepositoryPicker
        {...({} as any)}
        schema={schema}
        uiSchema={{}}
        idSchema={{ $id: 'root_repoUrl' } as any}
        formData={formData}
        formContext={{ formData: { component } }}
        onChange={onChange}
        rawErrors={[]}
      />
    </TestApiProvider>,
  );
  return onChange;
}

async function validate(component: string, value: string | undefined) {
  const validation = createFieldValidation();
  await validateServiceRepository(value, validation, {
    apiHolder: { get: () => catalogApi } as any,
    formData: { component },
    schema: {},
  });
  return validation.__errors;
}

describe('ServiceRepositoryPicker', () => {
  it("asks nothing for a local publisher's service, and says where its repository is", async () => {
    const onChange = await renderFor('component:default/local-service');

    expect(
      await screen.findByText(/\/tmp\/worker-platform-repos\/local-service/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('asks nothing for a service on GitHub, and drops an answer given for another service', async () => {
    const onChange = await renderFor(
      'component:default/github-service',
      'https://github.com/acme/other',
    );

    expect(
      await screen.findByText(/https:\/\/github\.com\/acme\/imagegen/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('asks for the GitHub repository of a service without a source location, with its help text', async () => {
    const onChange = await renderFor('component:default/orphan');

    expect(
      await screen.findByRole('textbox', { name: /GitHub repository/ }),
    ).toBeRequired();
    expect(screen.getByText('give its GitHub repository')).toBeInTheDocument();
    // In the form data, so the step's validation runs for it.
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(''));
  });

  it('asks nothing before a service is chosen', async () => {
    await renderFor('');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('validateServiceRepository', () => {
  it('requires an answer only when the entity cannot say where the repository is', async () => {
    expect(await validate('component:default/orphan', '')).toEqual([
      expect.stringContaining('no usable backstage.io/source-location'),
    ]);
    expect(
      await validate('component:default/orphan', 'https://github.com/acme/x'),
    ).toEqual([]);
    expect(await validate('component:default/local-service', '')).toEqual([]);
    expect(
      await validate('component:default/github-service', undefined),
    ).toEqual([]);
  });
});
