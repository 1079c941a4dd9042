import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { validateSpec } from '@worker-platform/plugin-worker-platform-common';
import {
  demoSpecDefaults,
  specCorruption,
  validSpecDocument,
} from '@worker-platform/plugin-worker-platform-test-utils';
import { runWorkerPlatformCli } from './runWorkerPlatformCli';

/**
 * Property test: whatever field of a valid spec a user breaks, the spec is
 * refused at that field and `render` writes nothing.
 */
describe('worker-platform render over random broken specs', () => {
  jest.setTimeout(600_000);

  it('refuses 100 broken specs at the broken field and writes no files', async () => {
    const dir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'worker-platform-fuzz-'),
    );
    const io = { stdout: () => {}, stderr: () => {} };
    try {
      await fc.assert(
        fc.asyncProperty(
          validSpecDocument,
          specCorruption,
          async (doc, corruption) => {
            const broken = structuredClone(doc);
            corruption.apply(broken);
            const result = validateSpec(broken, demoSpecDefaults());
            expect(result.ok).toBe(false);
            if (result.ok) return;
            expect(result.errors.map(e => e.path)).toContain(corruption.path);

            const specFile = path.join(dir, 'spec.yaml');
            const out = path.join(dir, 'out');
            await fs.writeFile(specFile, stringify(broken));
            expect(
              await runWorkerPlatformCli(
                ['render', '--spec', specFile, '--out', out],
                io,
              ),
            ).toBe(1);
            await expect(fs.access(out)).rejects.toThrow();
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
