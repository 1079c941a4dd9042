import { execFileSync } from 'child_process';
import { pythonString } from './pythonString';

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('pythonString', () => {
  it('quotes with escapes', () => {
    expect(pythonString('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  const python = hasPython();
  if (!python) {
    // eslint-disable-next-line no-console
    console.warn(
      'SKIPPED: no python3 on this machine (pythonString round trips)',
    );
  }
  const values = ['"""', "'''", 'a\nb', '{x}', '\\', 'ünï'];
  if (python) {
    it.each(values)('makes python3 print %j verbatim', value => {
      const printed = execFileSync('python3', [
        '-c',
        `import sys; sys.stdout.buffer.write(${pythonString(value)}.encode())`,
      ]).toString();
      expect(printed).toBe(value);
    });
  } else {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip.each(values)('makes python3 print %j verbatim', () => {});
  }
});
