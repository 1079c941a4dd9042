import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SWRConfig } from 'swr';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type {
  EntityDeployStatus,
  EntityScalingHistory,
} from '@worker-platform/plugin-worker-platform-common';
import { workerPlatformApiRef, type WorkerPlatformApi } from '../api';

/** The example service of examples/entities.yaml. */
export const pingvasaiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'pingvasai',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'pingvasai',
      'github.com/project-slug': 'acme/pingvasai',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform',
  },
};

/** A Signals API that never delivers, as when nothing changes in the cluster. */
const quietSignals: SignalApi = {
  subscribe: () => ({ unsubscribe: () => {} }),
};

/**
 * Renders an entity view in a test app whose worker-platform API answers with
 * `status` (or fails with it, when it is an Error). The clock is pinned to the
 * fixture's `generatedAt`, so ages read as they would when it was served.
 */
export async function renderForEntity(
  element: JSX.Element,
  status: EntityDeployStatus | Error,
  options: {
    entity?: Entity;
    api?: WorkerPlatformApi;
    /** What the history route answers; no pool history when omitted. */
    history?: EntityScalingHistory;
    /** Decides each permission request; everything is allowed when omitted. */
    authorize?: (
      request: EvaluatePermissionRequest,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  } = {},
) {
  // Not `instanceof Error`: errors made in a test file come from another realm.
  const isStatus = (value: unknown): value is EntityDeployStatus =>
    typeof value === 'object' && value !== null && 'generatedAt' in value;
  const api: WorkerPlatformApi = options.api ?? {
    getEntityDeployStatus: async () => {
      if (!isStatus(status)) {
        throw status;
      }
      return status;
    },
    getEntityScalingHistory: async () =>
      options.history ?? {
        entityRef: 'component:default/pingvasai',
        generatedAt: isStatus(status) ? status.generatedAt : '',
        minutes: 60,
        environments: [],
      },
    runOperation: async () => {
      throw new Error('no operation expected in this test');
    },
    getRegistrationClusters: async () => [],
  };
  if (isStatus(status)) {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(status.generatedAt));
  }
  return renderInTestApp(
    // A fresh permission decision cache per render (usePermission keeps one).
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={options.entity ?? pingvasaiEntity}>
        {element}
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [
        [workerPlatformApiRef, api],
        [signalApiRef, quietSignals],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.authorize ?? AuthorizeResult.ALLOW,
          }),
        ],
      ],
    },
  );
}
