import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register a service rendered into the workspace with the ArgoCD of one cluster.',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'worker-platform:argocd:register',
          name: 'Register with ArgoCD',
          input: { cluster: 'prod-eu' },
        },
      ],
    }),
  },
  {
    description:
      "Register only a new environment's Applications (and the AppProject, which lists its namespaces) of a repository fetched into ./repository.",
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'worker-platform:argocd:register',
          name: 'Register the qa environment with ArgoCD',
          input: {
            targetPath: 'repository',
            cluster: 'prod-eu',
            environment: 'qa',
            entityRef: 'component:default/pingvasai',
          },
        },
      ],
    }),
  },
];
