import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Let KEDA scale the staging GPU pool on its queues again.',
    example: yaml.stringify({
      steps: [
        {
          id: 'resume',
          action: 'worker-platform:keda:resume',
          name: 'Let KEDA scale the staging GPU pool on its queues again.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'staging',
            worker: 'gpu',
          },
        },
      ],
    }),
  },
];
