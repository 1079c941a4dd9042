import {
  application,
  notifications,
  pingvasaiObjects,
  target,
} from './__fixtures__/pingvasaiArgoCd';
import { guardRegistration } from './guardRegistration';
import { RegistrationObject } from './types';

const refusals = (objects: RegistrationObject[]) =>
  guardRegistration(objects, target).refused.map(
    r => `${r.name}: ${r.message}`,
  );

describe('guardRegistration', () => {
  it("accepts the service's AppProject, Applications and notification keys", () => {
    const result = guardRegistration(
      [...pingvasaiObjects(), notifications],
      target,
    );
    expect(result.refused).toEqual([]);
    expect(result.objects).toHaveLength(4);
  });

  it('fills in the ArgoCD namespace where an object names none', () => {
    const objects = pingvasaiObjects();
    delete objects[1].metadata.namespace;
    const result = guardRegistration(objects, target);
    expect(result.refused).toEqual([]);
    expect(result.objects[1].metadata.namespace).toBe('argocd');
  });

  it('refuses another namespace', () => {
    const objects = pingvasaiObjects();
    objects[1].metadata.namespace = 'kube-system';
    expect(refusals(objects)).toEqual([
      'pingvasai-development-api: its namespace kube-system is not the ArgoCD namespace argocd of cluster demo-fake-cluster',
    ]);
  });

  it('refuses any other kind, such as a ClusterRole', () => {
    const objects: RegistrationObject[] = [
      ...pingvasaiObjects(),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'pingvasai-admin', namespace: 'argocd' },
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      },
    ];
    expect(refusals(objects)).toEqual([
      "pingvasai-admin: rbac.authorization.k8s.io/v1 ClusterRole is not registered: only ArgoCD AppProjects and Applications and the service's keys of argocd-notifications-cm",
    ]);
  });

  it("refuses names that do not start with the service's", () => {
    const other = application('development', 'api');
    other.metadata.name = 'payments-development-api';
    const prefixOnly = application('development', 'api');
    prefixOnly.metadata.name = 'pingvasaix-api';
    expect(refusals([...pingvasaiObjects(), other, prefixOnly])).toEqual([
      'payments-development-api: its name does not start with the service name pingvasai',
      'pingvasaix-api: its name does not start with the service name pingvasai',
    ]);
  });

  it('refuses an Application in a foreign project', () => {
    const objects = pingvasaiObjects();
    (objects[2].spec as any).project = 'default';
    expect(refusals(objects)).toEqual([
      "pingvasai-development-workers: its project default is not the service's AppProject pingvasai",
    ]);
  });

  it('refuses a destination outside the AppProject', () => {
    const objects = pingvasaiObjects();
    (objects[1].spec as any).destination.namespace = 'kube-system';
    expect(refusals(objects)).toEqual([
      'pingvasai-development-api: its destination https://kubernetes.default.svc namespace kube-system is outside the AppProject pingvasai',
    ]);
  });

  it('refuses an AppProject that reaches beyond the service', () => {
    const objects = pingvasaiObjects();
    (objects[0].spec as any).destinations.push({ server: '*', namespace: '*' });
    (objects[0].spec as any).clusterResourceWhitelist.push({
      group: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
    });
    expect(refusals(objects)).toEqual([
      'pingvasai: its destinations must be namespaces of the service (pingvasai-…), not *',
    ]);
    (objects[0].spec as any).destinations.pop();
    expect(refusals(objects)).toEqual([
      'pingvasai: it may create only Namespaces cluster-wide, not rbac.authorization.k8s.io/ClusterRole',
    ]);
  });

  it('refuses Applications without their AppProject', () => {
    expect(refusals([application('development', 'api')])).toEqual([
      "pingvasai-development-api: the service's AppProject is not among the objects, so its project cannot be checked",
    ]);
  });

  it("refuses another service's notification keys, and other ConfigMaps", () => {
    const hostile = structuredClone(notifications);
    hostile.data = {
      ...(hostile.data as Record<string, string>),
      'template.payments-app-deployed': 'message: hijacked\n',
      'trigger.pingvasaix-on-deployed': '- when: true\n',
    };
    const other = structuredClone(notifications);
    other.metadata.name = 'argocd-cm';
    const binary = { ...structuredClone(notifications), binaryData: {} };
    expect(refusals([...pingvasaiObjects(), hostile, other])).toEqual([
      "argocd-notifications-cm: keys template.payments-app-deployed, trigger.pingvasaix-on-deployed are not the service's own (template.pingvasai-… or trigger.pingvasai-…)",
      "argocd-cm: only the ConfigMap argocd-notifications-cm is registered, and only the service's keys",
    ]);
    expect(refusals([...pingvasaiObjects(), binary])).toEqual([
      'argocd-notifications-cm: only data keys are registered, not binaryData',
    ]);
  });

  it("sends only the service's notification keys, and lists the instance's as left out", () => {
    const shared = structuredClone(notifications);
    shared.metadata.labels = { 'backstage.io/kubernetes-id': 'pingvasai' };
    shared.data = {
      'service.slack': 'token: $slack-token\n',
      context: 'argocdUrl: https://argocd.example.com\n',
      ...(shared.data as Record<string, string>),
    };
    const result = guardRegistration([...pingvasaiObjects(), shared], target);
    expect(result.refused).toEqual([]);
    expect(result.objects[3]).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm', namespace: 'argocd' },
      data: notifications.data,
    });
    expect(result.leftOut).toEqual([
      {
        kind: 'ConfigMap',
        name: 'argocd-notifications-cm',
        keys: ['context', 'service.slack'],
      },
    ]);
  });
});
