import { RegistrationObject } from '../types';

// Minimal hand-built shapes of what the pingvasai example registers, varied
// by the guards' tests; the full build, read from the renderer's golden files,
// is `pingvasaiArgoCdObjects` in the test-utils package.
const destination = (namespace: string) => ({
  server: 'https://kubernetes.default.svc',
  namespace,
});

export const appProject: RegistrationObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: {
    name: 'pingvasai',
    namespace: 'argocd',
    labels: { 'backstage.io/kubernetes-id': 'pingvasai' },
  },
  spec: {
    description: 'Deployments of pingvasai',
    sourceRepos: ['https://github.com/acme/pingvasai'],
    destinations: [
      destination('pingvasai-development-service'),
      destination('pingvasai-development-worker'),
    ],
    clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
    namespaceResourceWhitelist: [{ group: '*', kind: '*' }],
  },
};

export function application(
  environment: string,
  component: 'api' | 'workers',
): RegistrationObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `pingvasai-${environment}-${component}`,
      namespace: 'argocd',
      labels: {
        'backstage.io/kubernetes-id': 'pingvasai',
        'worker-platform.io/environment': environment,
        'worker-platform.io/component': component === 'api' ? 'api' : 'worker',
      },
    },
    spec: {
      project: 'pingvasai',
      source: {
        repoURL: 'https://github.com/acme/pingvasai',
        targetRevision: 'develop',
        path: `k8s/overlays/${environment}/${
          component === 'api' ? 'service' : 'worker'
        }-ns`,
      },
      destination: destination(
        `pingvasai-${environment}-${
          component === 'api' ? 'service' : 'worker'
        }`,
      ),
      syncPolicy: { automated: { prune: true, selfHeal: true } },
      revisionHistoryLimit: 10,
    },
  };
}

export const notifications: RegistrationObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'argocd-notifications-cm', namespace: 'argocd' },
  data: {
    'template.pingvasai-app-deployed': 'message: deployed\n',
    'trigger.pingvasai-on-deployed':
      '- when: true\n  send: [pingvasai-app-deployed]\n',
  },
};

export const pingvasaiObjects = (): RegistrationObject[] =>
  structuredClone([
    appProject,
    application('development', 'api'),
    application('development', 'workers'),
  ]);

export const target = {
  service: 'pingvasai',
  cluster: 'demo-fake-cluster',
  namespace: 'argocd',
};
