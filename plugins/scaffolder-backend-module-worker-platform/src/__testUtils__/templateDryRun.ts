import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import type { SpecDefaults } from '@worker-platform/plugin-worker-platform-common';
import { scaffolderModuleWorkerPlatform } from '../module';
import { demoSpecDefaults } from './demoSpecDefaults';

/** The shape of the scaffolder's dry-run response that the tests read. */
export interface DryRunBody {
  log: { body: { message: string } }[];
}

/**
 * Runs one of this repository's templates (templates/<name>/template.yaml)
 * through a real scaffolder's dry-run endpoint with our module installed,
 * the working and local-publisher directories under `directory`, a
 * catalog holding `entities`, and `workerPlatform.defaults` set to
 * `specDefaults` (the demo app's by default).
 */
export async function dryRunTemplate(options: {
  template: string;
  directory: { resolve(...paths: string[]): string };
  values: Record<string, unknown>;
  entities?: Entity[];
  specDefaults?: SpecDefaults;
}) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleWorkerPlatform,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          // GitHub's API at an address that refuses at once: a step that
          // reaches GitHub fails fast, naming the URL it asked for.
          integrations: {
            github: [{ host: 'github.com', apiBaseUrl: 'http://127.0.0.1:9' }],
          },
          backend: { workingDirectory: options.directory.resolve('work') },
          workerPlatform: {
            localPublisher: { directory: options.directory.resolve('repos') },
            defaults: { ...(options.specDefaults ?? demoSpecDefaults()) },
          },
        },
      }),
    ],
  });
  const templateFile = path.resolve(
    __dirname,
    '../../../../templates',
    options.template,
    'template.yaml',
  );
  const template = yaml.parse(await fs.readFile(templateFile, 'utf8'));
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({ template, values: options.values, directoryContents: [] });
}

/** The input a step ran with, as the dry run logs it. */
export function loggedInput(body: DryRunBody, action: string) {
  const prefix = `Running ${action} in dry-run mode with inputs (secrets redacted): `;
  // The logger colours its level, so the prefix is not at the start.
  const message = body.log
    .map(e => e.body.message)
    .find(m => m.includes(prefix));
  return message
    ? JSON.parse(message.slice(message.indexOf(prefix) + prefix.length))
    : undefined;
}
