import { execFileSync } from 'child_process';
import { pythonString } from './pythonString';

describe('pythonString', () => {
  it('quotes with escapes', () => {
    expect(pythonString('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  it.each(['"""', "'''", 'a\nb', '{x}', '\\', 'ünï'])(
    'makes python3 print %j verbatim',
    value => {
      const printed = execFileSync('python3', [
        '-c',
        `import sys; sys.stdout.buffer.write(${pythonString(value)}.encode())`,
      ]).toString();
      expect(printed).toBe(value);
    },
  );
});
