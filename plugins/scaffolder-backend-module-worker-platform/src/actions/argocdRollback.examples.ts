import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Roll the production API back to history entry 41.',
    example: yaml.stringify({
      steps: [
        {
          id: 'rollback',
          action: 'worker-platform:argocd:rollback',
          name: 'Roll the production API back to history entry 41.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'production',
            application: 'pingvasai-production-api',
            historyId: 41,
          },
        },
      ],
    }),
  },
];
