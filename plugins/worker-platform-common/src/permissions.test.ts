import {
  DEPLOY_OPERATIONS,
  isArgoCdOperation,
  permissionForOperation,
} from './operations';
import {
  environmentResourceRef,
  parseEnvironmentResourceRef,
  workerPlatformPermissions,
} from './permissions';

describe('worker-platform permissions', () => {
  it('are resource permissions on a service environment, with unique names', () => {
    const names = workerPlatformPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const permission of workerPlatformPermissions) {
      expect(permission).toMatchObject({
        type: 'resource',
        resourceType: 'worker-platform-environment',
      });
    }
  });

  it('give each operation family its own permission', () => {
    expect(
      Object.fromEntries(
        DEPLOY_OPERATIONS.map(op => [op, permissionForOperation(op).name]),
      ),
    ).toEqual({
      refresh: 'worker-platform.argocd.sync',
      sync: 'worker-platform.argocd.sync',
      terminate: 'worker-platform.argocd.sync',
      'enable-auto-sync': 'worker-platform.argocd.sync',
      rollback: 'worker-platform.argocd.rollback',
      pause: 'worker-platform.keda.scaling',
      resume: 'worker-platform.keda.scaling',
    });
    expect(DEPLOY_OPERATIONS.filter(isArgoCdOperation)).toHaveLength(5);
  });

  it('name an environment of an entity and parse it back', () => {
    const ref = environmentResourceRef(
      'component:default/pingvasai',
      'production',
    );
    expect(ref).toBe('component:default/pingvasai#production');
    expect(parseEnvironmentResourceRef(ref)).toEqual({
      entityRef: 'component:default/pingvasai',
      environment: 'production',
    });
    expect(parseEnvironmentResourceRef('component:default/x')).toBeUndefined();
    expect(parseEnvironmentResourceRef('component:default/x#')).toBeUndefined();
  });
});
