import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, string>) =>
  yaml.stringify({
    steps: [
      {
        id: 'locate',
        action: 'worker-platform:repository:locate',
        name: 'Locate the repository',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      "A repository of the local publisher, from the source location the catalog gives its entities (in a template: ${{ steps.service.output.entity.metadata.annotations['backstage.io/source-location'] }} after catalog:fetch).",
    example: step({
      sourceLocation:
        'file:/tmp/worker-platform-repos/imagegen/catalog-info.yaml',
    }),
  },
  {
    description: 'A repository on GitHub.',
    example: step({
      sourceLocation: 'url:https://github.com/acme/imagegen/tree/main/',
    }),
  },
  {
    description:
      'A service whose entity has no source location: the GitHub repository picked in the form.',
    example: step({ repoUrl: 'github.com?owner=acme&repo=imagegen' }),
  },
];
