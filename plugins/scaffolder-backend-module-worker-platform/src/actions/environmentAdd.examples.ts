import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Add a qa environment that deploys like staging, to the repository fetched into the workspace root.',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-environment',
          action: 'worker-platform:environment:add',
          name: 'Add the qa environment',
          input: { name: 'qa', copyFrom: 'staging' },
        },
      ],
    }),
  },
  {
    description:
      'Add a perf environment in a repository under repo/: synced by hand, its own branch and namespaces, a bigger GPU pool.',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-environment',
          action: 'worker-platform:environment:add',
          name: 'Add the perf environment',
          input: {
            targetPath: 'repo',
            name: 'perf',
            copyFrom: 'production',
            branch: 'perf',
            autoSync: false,
            namespaces: { service: 'perf-api', worker: 'perf-workers' },
            overrides: {
              api: { replicas: 2 },
              workers: { gpu: { scaling: { max: 4 } } },
              config: { LOG_LEVEL: 'debug' },
            },
          },
        },
      ],
    }),
  },
];
