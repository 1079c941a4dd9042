import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Pause the staging GPU pool where it is, e.g. during a queue migration.',
    example: yaml.stringify({
      steps: [
        {
          id: 'pause',
          action: 'worker-platform:keda:pause',
          name: 'Pause the staging GPU pool where it is, e.g. during a queue migration.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'staging',
            worker: 'gpu',
          },
        },
      ],
    }),
  },
  {
    description: 'Hold the production system pool at two replicas.',
    example: yaml.stringify({
      steps: [
        {
          id: 'pause',
          action: 'worker-platform:keda:pause',
          name: 'Hold the production system pool at two replicas.',
          input: {
            entityRef: 'component:default/pingvasai',
            environment: 'production',
            worker: 'system',
            replicas: 2,
          },
        },
      ],
    }),
  },
];
