import { execFileSync } from 'child_process';
import { renderRepository } from './renderRepository';
import { exampleSpec, goldenSpecNames } from './__testUtils__/testSpecs';

/**
 * The generated app must at least be valid Python for its own CI to pass;
 * its tests run in that CI, where its dependencies are installed.
 */

const PARSE_ALL = `
import ast, json, sys
errors = []
for path, source in json.load(sys.stdin).items():
    try:
        ast.parse(source, path)
    except SyntaxError as error:
        errors.append(f"{path}:{error.lineno}: {error.msg}")
print(json.dumps(errors))
`;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!hasPython()) {
  // eslint-disable-next-line no-console
  console.warn('\n\n  *** SKIPPED: no python3 on this machine ***\n\n');
  describe('generated Python', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip('SKIPPED: no python3 on this machine', () => {});
  });
} else {
  describe.each(goldenSpecNames)('generated Python of %s', name => {
    it('parses', () => {
      const python = Object.fromEntries(
        [...renderRepository(exampleSpec(name))].filter(([file]) =>
          file.endsWith('.py'),
        ),
      );
      expect(Object.keys(python).length).toBeGreaterThan(10);
      const errors = JSON.parse(
        execFileSync('python3', ['-c', PARSE_ALL], {
          input: JSON.stringify(python),
        }).toString(),
      );
      expect(errors).toEqual([]);
    });
  });
}
