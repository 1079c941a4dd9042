import { parse } from 'yaml';
import { yamlString } from './yamlString';

describe('yamlString', () => {
  it('leaves plain words unquoted', () => {
    expect(yamlString('pingvasai')).toBe('pingvasai');
  });

  it.each([
    'a: b',
    'x # comment',
    '&anchor',
    '*alias',
    '!!tag',
    '"quoted"',
    "it's",
    'line one\nline two\n',
    '${{ secrets.X }}',
    '{{ .app }}',
    '- item',
    '8000',
    'true',
    '',
    ' padded ',
    "it's\nfolded",
    'a: b # c\n"x" y',
    'tab\there',
    'line\u2028separator',
    'del\u007f',
    '--->',
    '...',
    '? x',
  ])('reads %j back as the same string in a mapping', value => {
    const text = `key: ${yamlString(value)}\nnext: 1\n`;
    expect(parse(text)).toEqual({ key: value, next: 1 });
  });

  it.each(['y', 'n', 'yes', 'No', 'on', 'OFF', '0755', '1:20'])(
    'quotes %j, which YAML 1.1 readers (kubectl, kustomize patches) would not read as a string',
    value => {
      const text = `key: ${yamlString(value)}\n`;
      expect(parse(text, { version: '1.1' })).toEqual({ key: value });
      expect(parse(text)).toEqual({ key: value });
    },
  );

  it('never spans lines', () => {
    expect(yamlString('a\nb')).not.toContain('\n');
  });
});
