import { applicationFixture as application } from '@worker-platform/plugin-worker-platform-test-utils';
import {
  AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION,
  planArgoCdOperation,
  REFRESH_ANNOTATION,
} from './argoCdOperations';

const actor = { name: 'user:default/jane' };
const app = (mutate: (object: any) => void = () => {}) => {
  const copy = structuredClone(application) as any;
  mutate(copy);
  return copy;
};

describe('planArgoCdOperation', () => {
  it('does not ask again for a refresh that is pending', () => {
    expect(planArgoCdOperation(app(), { operation: 'refresh' }, actor)).toEqual(
      {
        message: 'a refresh of pingvasai-production-api is already pending',
      },
    );
    const plan = planArgoCdOperation(
      app(o => delete o.metadata.annotations[REFRESH_ANNOTATION]),
      { operation: 'refresh' },
      actor,
    );
    expect(plan.patch?.type).toBe('apply');
  });

  it('syncs with a resourceVersion precondition and the actor', () => {
    const plan = planArgoCdOperation(
      app(),
      { operation: 'sync', revision: 'main' },
      actor,
    );
    expect(plan.patch).toEqual({
      type: 'merge',
      body: {
        metadata: { resourceVersion: '88412371' },
        operation: {
          initiatedBy: { username: 'user:default/jane' },
          info: [{ name: 'Reason', value: 'sync from Backstage' }],
          sync: { prune: false, revision: 'main' },
        },
      },
    });
  });

  it('refuses to sync or roll back while an operation runs, and to terminate when none does', () => {
    const running = app(o => (o.status.operationState.phase = 'Running'));
    expect(() =>
      planArgoCdOperation(running, { operation: 'sync' }, actor),
    ).toThrow(/Cannot sync: an operation is running/);
    expect(() =>
      planArgoCdOperation(
        running,
        { operation: 'rollback', historyId: 41 },
        actor,
      ),
    ).toThrow(/Cannot roll back/);
    expect(() =>
      planArgoCdOperation(app(), { operation: 'terminate' }, actor),
    ).toThrow(/no operation is running/);
  });

  it('rolls back to a history entry, its source included', () => {
    const plan = planArgoCdOperation(
      app(),
      { operation: 'rollback', historyId: 41 },
      actor,
    );
    expect(plan.autoSyncDisabled).toBe(false);
    expect(plan.patch?.type).toBe('json');
    const body = plan.patch!.body as any[];
    expect(body[0]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: '88412371',
    });
    expect(body.at(-1).value.sync).toMatchObject({
      revision: '5d1c0a7e3b9f42c6a8e1d7f0b3c2a9e8d4f6b1a2',
      source: { path: 'k8s/overlays/production/service-ns' },
    });
  });

  it('switches automated sync off for a rollback and remembers it, even without annotations', () => {
    const plan = planArgoCdOperation(
      app(o => {
        o.spec.syncPolicy.automated = { prune: true };
        delete o.metadata.annotations;
      }),
      { operation: 'rollback', historyId: 42 },
      actor,
    );
    expect(plan.autoSyncDisabled).toBe(true);
    expect(plan.patch!.body).toEqual(
      expect.arrayContaining([
        {
          op: 'add',
          path: '/metadata/annotations',
          value: { [AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION]: '{"prune":true}' },
        },
        { op: 'remove', path: '/spec/syncPolicy/automated' },
      ]),
    );
  });

  it('names the history ids there are when one is unknown', () => {
    expect(() =>
      planArgoCdOperation(
        app(),
        { operation: 'rollback', historyId: 7 },
        actor,
      ),
    ).toThrow(
      'historyId: pingvasai-production-api has no history entry 7 (it has 41, 42)',
    );
  });

  it('re-enables automated sync as it was, or plainly after a hand edit', () => {
    const remembered = planArgoCdOperation(
      app(o => {
        o.metadata.annotations[AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION] =
          '{"prune":true,"selfHeal":true}';
      }),
      { operation: 'enable-auto-sync' },
      actor,
    );
    expect((remembered.patch!.body as any).spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: true,
    });
    const edited = planArgoCdOperation(
      app(o => {
        o.metadata.annotations[AUTO_SYNC_BEFORE_ROLLBACK_ANNOTATION] = 'nope';
      }),
      { operation: 'enable-auto-sync' },
      actor,
    );
    expect((edited.patch!.body as any).spec.syncPolicy.automated).toEqual({});
    expect(
      planArgoCdOperation(
        app(o => (o.spec.syncPolicy.automated = {})),
        { operation: 'enable-auto-sync' },
        actor,
      ).patch,
    ).toBeUndefined();
  });
});
