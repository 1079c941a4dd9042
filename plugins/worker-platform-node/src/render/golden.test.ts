import fs from 'fs';
import path from 'path';
import {
  formatSpecErrors,
  parseSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from './renderRepository';
import {
  demoSpecDefaults,
  goldenSpecFile,
  testdataPath,
} from './__testUtils__/testSpecs';

/**
 * Golden tests, one folder per case under testdata/ with either `expected/`
 * (the whole rendered repository) or `errors.txt` (the formatted spec
 * errors); the spec is the case's own `spec.yaml`, or the example of the same
 * name in examples/specs (see `goldenSpecFile`). Specs are parsed with the demo app's organisation defaults
 * (app-config.yaml), as the demo renders them. `UPDATE_GOLDEN=1` rewrites
 * the expected files from the actual output; review the diff before
 * committing it.
 */
const update = process.env.UPDATE_GOLDEN === '1';

const cases = fs
  .readdirSync(testdataPath(), { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name);

function readTree(root: string, dir = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(path.join(root, dir), {
    withFileTypes: true,
  })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const [file, content] of readTree(root, relative)) {
        files.set(file, content);
      }
    } else {
      files.set(relative, fs.readFileSync(path.join(root, relative), 'utf8'));
    }
  }
  return files;
}

function writeTree(root: string, files: Map<string, string>) {
  fs.rmSync(root, { recursive: true, force: true });
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}

describe.each(cases)('golden case %s', name => {
  const dir = testdataPath(name);
  const parsed = parseSpec(
    fs.readFileSync(goldenSpecFile(name), 'utf8'),
    demoSpecDefaults(),
  );
  const errorsFile = path.join(dir, 'errors.txt');
  const expectsErrors =
    fs.existsSync(errorsFile) || (update && name.startsWith('errors-'));

  if (expectsErrors) {
    it('is refused with these errors', () => {
      const actual = parsed.ok
        ? '(the spec was accepted)\n'
        : `${formatSpecErrors(parsed.errors, 'spec.yaml')}\n`;
      if (update) fs.writeFileSync(errorsFile, actual);
      expect(actual).toBe(fs.readFileSync(errorsFile, 'utf8'));
      expect(parsed.ok).toBe(false);
    });
  } else {
    it('renders the expected repository', () => {
      if (!parsed.ok) throw new Error(formatSpecErrors(parsed.errors));
      const actual = renderRepository(parsed.spec);
      const expectedDir = path.join(dir, 'expected');
      if (update) writeTree(expectedDir, actual);
      const expected = readTree(expectedDir);
      expect([...actual.keys()]).toEqual([...expected.keys()].sort());
      for (const [file, content] of actual) {
        expect({ file, content }).toEqual({
          file,
          content: expected.get(file),
        });
      }
    });
  }
});
