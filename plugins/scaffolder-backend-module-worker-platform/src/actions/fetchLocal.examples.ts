import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Fetch the main branch of the locally published imagegen repository into the workspace root.',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'worker-platform:fetch:local',
          name: 'Fetch the repository',
          input: { repoName: 'imagegen', branch: 'main' },
        },
      ],
    }),
  },
  {
    description: 'Fetch its current branch into repo/.',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'worker-platform:fetch:local',
          name: 'Fetch the repository',
          input: { repoName: 'imagegen', targetPath: 'repo' },
        },
      ],
    }),
  },
];
