import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import workerPlatformPlugin, {
  entityDeploymentsCard,
  entityDeploymentsContent,
} from './alpha';
import { pingvasaiEntity } from './__testUtils__/renderForEntity';

const systemEntity = {
  ...pingvasaiEntity,
  kind: 'System',
};
const componentWithoutKubernetesId = {
  ...pingvasaiEntity,
  metadata: { name: 'docs-site', annotations: {} },
};

describe('worker-platform alpha plugin', () => {
  it('installs under the plugin id the backend serves at /api/worker-platform', () => {
    expect(workerPlatformPlugin.pluginId).toBe('worker-platform');
  });

  it('mounts the Deployments tab at /deployments', () => {
    const tester = createExtensionTester(entityDeploymentsContent);

    expect(tester.get(coreExtensionData.routePath)).toBe('/deployments');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Deployments',
    );
  });

  it('shows the card only for Components with a kubernetes-id', () => {
    const filter = createExtensionTester(entityDeploymentsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;

    expect(filter(pingvasaiEntity)).toBe(true);
    expect(filter(systemEntity)).toBe(false);
    expect(filter(componentWithoutKubernetesId)).toBe(false);
  });

  it('shows the tab only for Components with a kubernetes-id', () => {
    const filter = createExtensionTester(entityDeploymentsContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;

    expect(filter(pingvasaiEntity)).toBe(true);
    expect(filter(systemEntity)).toBe(false);
    expect(filter(componentWithoutKubernetesId)).toBe(false);
  });
});
