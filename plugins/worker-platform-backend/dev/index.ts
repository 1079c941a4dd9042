import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Runs this plugin alone, against the clusters in the root app-config, with
// an in-memory catalog holding the example service and every request
// authenticated as a mock user. With the fake cluster running
// (`yarn workspace @worker-platform/plugin-worker-platform-test-utils
// fake-cluster`, see the README):
//
//   yarn start
//   curl http://localhost:7007/api/worker-platform/status/component/default/pingvasai

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'pingvasai',
          namespace: 'default',
          annotations: { 'backstage.io/kubernetes-id': 'pingvasai' },
        },
        spec: { type: 'service', owner: 'group:default/platform' },
      },
    ],
  }),
);
backend.add(import('../src'));
backend.start();
