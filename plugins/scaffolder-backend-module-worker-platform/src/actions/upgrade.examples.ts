import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Re-render the repository fetched into the workspace root with the installed blueprints.',
    example: yaml.stringify({
      steps: [
        {
          id: 'upgrade',
          action: 'worker-platform:upgrade',
          name: 'Upgrade the deployment repository',
        },
      ],
    }),
  },
  {
    description: 'Re-render a repository fetched into repo/.',
    example: yaml.stringify({
      steps: [
        {
          id: 'upgrade',
          action: 'worker-platform:upgrade',
          name: 'Upgrade the deployment repository',
          input: { targetPath: 'repo' },
        },
      ],
    }),
  },
];
