import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown in the action catalog; validate.examples.test.ts runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      'Validate the repository a previous step rendered into the workspace root.',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'worker-platform:validate',
          name: 'Validate the deployment repository',
        },
      ],
    }),
  },
  {
    description:
      'Validate a repository checked out into a sub-directory, e.g. by fetch:plain, before opening a pull request.',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'worker-platform:validate',
          name: 'Validate the deployment repository',
          input: { path: 'repo' },
        },
      ],
    }),
  },
];
