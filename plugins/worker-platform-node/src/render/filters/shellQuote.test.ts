import { execFileSync } from 'child_process';
import { shellQuote } from './shellQuote';

describe('shellQuote', () => {
  it('quotes plain words', () => {
    expect(shellQuote('api_relay')).toBe(`'api_relay'`);
  });

  it.each(['$(touch /tmp/pwned)', '`id`', "it's", '$HOME', 'a b\nc', '*'])(
    'makes the shell print %j verbatim',
    value => {
      const printed = execFileSync('sh', [
        '-c',
        `printf '%s' ${shellQuote(value)}`,
      ]).toString();
      expect(printed).toBe(value);
    },
  );
});
