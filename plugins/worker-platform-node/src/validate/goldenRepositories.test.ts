import fs from 'node:fs';
import path from 'node:path';
import {
  detectKustomizeTool,
  isKustomizeTool,
} from './kustomize/KustomizeTool';
import { validateRepository } from './validateRepository';

const testdata = path.resolve(__dirname, '../../testdata');
const goldenCases = fs
  .readdirSync(testdata)
  .filter(name => fs.existsSync(path.join(testdata, name, 'expected')));

/** Every checked-in golden repository is a repository validation passes. */
describe('validateRepository on the golden repositories', () => {
  jest.setTimeout(120_000);
  let build = false;

  beforeAll(async () => {
    build = isKustomizeTool(await detectKustomizeTool());
    if (!build) {
      // eslint-disable-next-line no-console
      console.warn(
        'SKIPPED: no kustomize on this machine (golden repositories validated without builds)',
      );
    }
  });

  it('has golden repositories to check', () => {
    expect(goldenCases).toEqual(
      expect.arrayContaining(['pingvasai', 'minimal', 'large']),
    );
  });

  it.each(goldenCases)('testdata/%s/expected has no findings', async name => {
    expect(
      await validateRepository(path.join(testdata, name, 'expected'), {
        build,
      }),
    ).toEqual([]);
  });
});
