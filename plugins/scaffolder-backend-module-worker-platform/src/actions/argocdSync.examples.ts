import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Sync the staging API to the tip of its branch.',
    example: yaml.stringify({
      steps: [
        {
          id: 'sync',
          action: 'worker-platform:argocd:sync',
          name: 'Sync the staging API to the tip of its branch.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'staging',
            application: 'pingvasai-staging-api',
          },
        },
      ],
    }),
  },
  {
    description:
      'Sync production workers to a tag, pruning what git no longer has.',
    example: yaml.stringify({
      steps: [
        {
          id: 'sync',
          action: 'worker-platform:argocd:sync',
          name: 'Sync production workers to a tag, pruning what git no longer has.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'production',
            application: 'pingvasai-production-workers',
            revision: 'v1.4.2',
            prune: true,
          },
        },
      ],
    }),
  },
];
