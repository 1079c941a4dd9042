import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Propose the workspace as a new branch of the locally published imagegen repository, on top of the commit fetched earlier.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish-branch',
          action: 'worker-platform:publish:local:branch',
          name: 'Commit to a new branch',
          input: {
            repoName: 'imagegen',
            branchName: 'worker-platform/add-environment-qa',
            baseCommit: "${{ steps['fetch'].output.commitHash }}",
            commitMessage: 'Add the qa environment',
          },
        },
      ],
    }),
  },
  {
    description:
      'Commit only repo/ of the workspace, with a named author, on top of the current HEAD.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish-branch',
          action: 'worker-platform:publish:local:branch',
          name: 'Commit to a new branch',
          input: {
            repoName: 'imagegen',
            branchName: 'upgrade-blueprints',
            sourcePath: 'repo',
            commitMessage: 'Re-render with the current blueprints',
            gitAuthorName: 'Platform Bot',
            gitAuthorEmail: 'platform-bot@example.com',
          },
        },
      ],
    }),
  },
];
