import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Render the smallest service: one worker pool with one queue, deployed to one environment. The registry and API host it leaves out come from the platform's workerPlatform.defaults.",
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'worker-platform:render',
          name: 'Render the deployment repository',
          input: {
            spec: {
              apiVersion: 'worker-platform.io/v1alpha1',
              kind: 'WorkerPlatform',
              metadata: {
                name: 'thumbnailer',
                owner: 'group:default/platform',
              },
              spec: {
                workers: [
                  { name: 'default', queues: [{ name: 'thumbnails' }] },
                ],
                environments: [{ name: 'production' }],
              },
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Render a GPU pool with prioritized queues and two environments into a sub-directory, ready for publish:github with sourcePath.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'worker-platform:render',
          name: 'Render the deployment repository',
          input: {
            targetPath: 'repo',
            spec: {
              apiVersion: 'worker-platform.io/v1alpha1',
              kind: 'WorkerPlatform',
              metadata: {
                name: 'imagegen',
                owner: 'group:default/platform',
                description: 'Image generation API',
              },
              spec: {
                api: { host: 'api.imagegen.example.com', port: 8000 },
                workers: [
                  {
                    name: 'gpu',
                    gpu: 1,
                    concurrency: 1,
                    queues: [
                      { name: 'pro', targetLength: 1 },
                      { name: 'free', targetLength: 10 },
                    ],
                    scaling: { min: 0, max: 8 },
                  },
                ],
                environments: [
                  { name: 'staging', branch: 'staging', autoSync: true },
                  { name: 'production', branch: 'main', autoSync: false },
                ],
                delivery: { strategy: 'canary' },
              },
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Render a spec given as YAML text, e.g. a file the user pasted into a text area; the owner, registry and API host it leaves out come from workerPlatform.defaults.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'worker-platform:render',
          name: 'Render the deployment repository',
          input: {
            spec: [
              'apiVersion: worker-platform.io/v1alpha1',
              'kind: WorkerPlatform',
              'metadata:',
              '  name: transcoder',
              'spec:',
              '  workers:',
              '    - name: system',
              '      systemPackages: [ffmpeg]',
              '      queues: [{ name: transcode, targetLength: 2 }]',
              '  environments:',
              '    - name: production',
              '',
            ].join('\n'),
          },
        },
      ],
    }),
  },
];
