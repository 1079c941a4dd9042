import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the whole workspace into a new local repository named after the service.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'worker-platform:publish:local',
          name: 'Publish to a local git repository',
          input: { repoName: 'thumbnailer' },
        },
      ],
    }),
  },
  {
    description:
      'Commit only the rendered sub-directory, on a develop branch, with a chosen author.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'worker-platform:publish:local',
          name: 'Publish to a local git repository',
          input: {
            repoName: 'imagegen',
            sourcePath: 'repo',
            defaultBranch: 'develop',
            gitCommitMessage: 'Render imagegen from its WorkerPlatform spec',
            gitAuthorName: 'Platform Team',
            gitAuthorEmail: 'platform@example.com',
          },
        },
      ],
    }),
  },
];
