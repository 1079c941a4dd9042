import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { findKustomize } from '../render/kustomizeBuild';
import { validateRepository } from '../validate/validateRepository';
import { addEnvironmentToRepository } from './repositoryLifecycle';
import {
  exampleSpecNames,
  loadExampleSpec,
  renderToTempDir,
} from './__testUtils__/testRepositories';

const tool = findKustomize();

if (!tool) {
  // A skip must be seen: jest reports it as skipped (and so does the test
  // command's last line), and the console says why.
  // eslint-disable-next-line no-console
  console.warn(
    '\n\n  *** SKIPPED: no kustomize on this machine (install kubectl or kustomize) ***\n\n',
  );
  describe('kustomize builds after adding an environment', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip('SKIPPED: no kustomize on this machine', () => {});
  });
} else {
  describe.each(exampleSpecNames)(
    `${tool.name} after env add soak on %s`,
    name => {
      jest.setTimeout(120_000);
      let dir: string;
      afterAll(() =>
        fs.rm(path.dirname(dir), { recursive: true, force: true }),
      );

      it('builds every Application path, the new ones included', async () => {
        const spec = await loadExampleSpec(name);
        dir = await renderToTempDir(spec);
        await addEnvironmentToRepository(
          dir,
          { name: 'soak', copyFrom: spec.spec.environments.at(-1)!.name },
          { validate: files => validateRepository(files, { build: false }) },
        );
        const applicationsDir = path.join(dir, 'argocd/applications');
        const applications = await Promise.all(
          (
            await fs.readdir(applicationsDir)
          ).map(async file =>
            parse(await fs.readFile(path.join(applicationsDir, file), 'utf8')),
          ),
        );
        expect(applications.map(app => app.metadata.name)).toEqual(
          expect.arrayContaining([
            `${spec.metadata.name}-soak-api`,
            `${spec.metadata.name}-soak-workers`,
          ]),
        );
        for (const app of applications) {
          const built = tool.build(path.join(dir, app.spec.source.path));
          expect(built).toContain('kind: ');
        }
      });
    },
  );
}
