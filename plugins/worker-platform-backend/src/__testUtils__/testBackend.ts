import {
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { JsonObject } from '@backstage/types';
import { FakeKubernetesApiServer } from '@worker-platform/plugin-worker-platform-test-utils';

/** An audit event as {@link createTestBackendFeatures} records it. */
export interface RecordedAuditEvent {
  eventId: string;
  severityLevel?: string;
  meta?: JsonObject;
  status: 'succeeded' | 'failed';
  resultMeta?: JsonObject;
  error?: string;
}

/** Options of {@link createTestBackendFeatures}. */
export interface TestBackendOptions {
  fake: FakeKubernetesApiServer;
  token: string;
  entities: Entity[];
  /** Allow-all when omitted. */
  permissions?: PermissionsService;
  /** Which entities a caller may see in the catalog; all when omitted. */
  visible?: (entity: Entity, credentials: BackstageCredentials) => boolean;
  /** More `workerPlatform` configuration, e.g. `argocd.registration`. */
  workerPlatform?: JsonObject;
}

/**
 * The services the worker-platform backend plugin needs in a test backend:
 * one cluster (the fake API server), an in-memory catalog, recorded audit
 * events, notifications and signals. Used by this plugin's route tests and by
 * the app backend's permission policy tests.
 */
export function createTestBackendFeatures(options: TestBackendOptions) {
  const auditEvents: RecordedAuditEvent[] = [];
  const notifications = { send: jest.fn().mockResolvedValue(undefined) };
  const signals = { publish: jest.fn().mockResolvedValue(undefined) };
  const record =
    (event: AuditorServiceCreateEventOptions) =>
    (
      status: RecordedAuditEvent['status'],
      result?: { meta?: JsonObject; error?: Error },
    ) => {
      auditEvents.push({
        eventId: event.eventId,
        severityLevel: event.severityLevel,
        meta: event.meta,
        status,
        resultMeta: result?.meta,
        error: result?.error?.message,
      });
    };
  const features = [
    mockServices.rootConfig.factory({
      data: {
        workerPlatform: {
          queueDepth: { refreshIntervalSeconds: 3600 },
          ...options.workerPlatform,
        },
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod-eu',
                  url: options.fake.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: options.token,
                  skipTLSVerify: true,
                },
              ],
            },
          ],
        },
      },
    }),
    catalogServiceMock.mock({
      getEntityByRef: async (ref, { credentials }: any) => {
        const wanted = stringifyEntityRef(
          typeof ref === 'string' ? parseEntityRef(ref) : ref,
        );
        return options.entities.find(
          entity =>
            stringifyEntityRef(entity) === wanted &&
            (options.visible?.(entity, credentials) ?? true),
        );
      },
    }).factory,
    createServiceFactory({
      service: coreServices.auditor,
      deps: {},
      factory: () => ({
        async createEvent(event) {
          const done = record(event);
          return {
            success: async result => done('succeeded', result),
            fail: async result => done('failed', result),
          };
        },
      }),
    }),
    createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => notifications,
    }),
    createServiceFactory({
      service: signalsServiceRef,
      deps: {},
      factory: () => signals,
    }),
    ...(options.permissions
      ? [
          createServiceFactory({
            service: coreServices.permissions,
            deps: {},
            factory: () => options.permissions!,
          }),
        ]
      : []),
  ];
  return { features, auditEvents, notifications, signals };
}

/** Retries an assertion until it holds or `timeoutMs` passes. */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  }
}
