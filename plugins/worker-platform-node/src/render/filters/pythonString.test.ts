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

  it.each(['"""', "'''", 'a\nb', '{x}', '\\', 'ünï'])(
    'makes python3 print %j verbatim (skipped loudly without python3)',
    value => {
      const python = hasPython();
      // eslint-disable-next-line no-console
      if (!python) console.warn('SKIPPED: no python3 on this machine');
      const printed = python
        ? execFileSync('python3', [
            '-c',
            `import sys; sys.stdout.buffer.write(${pythonString(
              value,
            )}.encode())`,
          ]).toString()
        : value;
      expect(printed).toBe(value);
    },
  );
});
