import { jsonString } from './jsonString';

describe('jsonString', () => {
  it.each(['plain', 'say "hi"', 'back\\slash', 'a\nb', '</script>'])(
    'round-trips %j through JSON.parse',
    value => {
      expect(JSON.parse(jsonString(value))).toBe(value);
    },
  );

  it('stringifies non-strings as text', () => {
    expect(jsonString(8000)).toBe('"8000"');
  });
});
