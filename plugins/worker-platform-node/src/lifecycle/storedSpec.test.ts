import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderRepository } from '../render/renderRepository';
import {
  demoSpecDefaults,
  exampleSpec,
  goldenSpecNames,
  testdataPath,
} from '../render/__testUtils__/testSpecs';
import { SPEC_PATH } from './renderManifest';
import { readStoredSpec, StoredSpecError } from './storedSpec';

describe('readStoredSpec', () => {
  // The golden repositories were rendered when the owner, registry and API
  // host still had built-in defaults; they must re-render the same with none.
  it.each(goldenSpecNames)(
    'reads the %s golden repository with no defaults, and it renders the same again',
    async name => {
      const dir = testdataPath(name, 'expected');
      const spec = await readStoredSpec(dir);
      expect(spec).toEqual(exampleSpec(name));
      const rendered = renderRepository(spec);
      for (const [file, content] of rendered) {
        expect({ file, content }).toEqual({
          file,
          content: await fs.readFile(path.join(dir, file), 'utf8'),
        });
      }
    },
  );

  describe('a stored spec someone removed a value from', () => {
    let dir: string;
    let stored: string;

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-platform-stored-'));
      stored = await fs.readFile(
        testdataPath('minimal', 'expected', SPEC_PATH),
        'utf8',
      );
      await fs.mkdir(path.join(dir, '.worker-platform'));
      await fs.writeFile(
        path.join(dir, SPEC_PATH),
        stored.replace(/^ {2}registry: .*\n/m, ''),
      );
    });
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));

    it('is refused without defaults, naming the field, its line and the key to set', async () => {
      const error = await readStoredSpec(dir).catch(e => e);
      expect(error).toBeInstanceOf(StoredSpecError);
      expect(error.errors).toEqual([
        {
          path: 'spec.registry',
          message: expect.stringContaining(
            'set it in the spec, or workerPlatform.defaults.registry in app-config',
          ),
          line: expect.any(Number),
        },
      ]);
      expect(error.message).toMatch(
        /^\.worker-platform\/spec\.yaml has 1 error\(s\):\n\.worker-platform\/spec\.yaml:\d+: spec\.registry: required/m,
      );
    });

    it("takes the organisation's default when one is given", async () => {
      const spec = await readStoredSpec(dir, demoSpecDefaults());
      expect(spec).toEqual(exampleSpec('minimal'));
    });
  });
});
