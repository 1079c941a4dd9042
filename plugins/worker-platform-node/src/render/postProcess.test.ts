import { postProcess } from './postProcess';
import { RenderError } from './RenderError';

describe('postProcess', () => {
  it('sorts files and ends each with one newline', () => {
    const files = postProcess(
      new Map([
        ['b.txt', 'b\n\n\n'],
        ['a.yaml', 'a: 1'],
      ]),
    );
    expect([...files]).toEqual([
      ['a.yaml', 'a: 1\n'],
      ['b.txt', 'b\n'],
    ]);
  });

  it('names the YAML file that does not parse', () => {
    expect(() => postProcess(new Map([['k8s/x.yaml', 'a: b: c\n']]))).toThrow(
      /k8s\/x\.yaml/,
    );
  });

  it('rejects duplicate keys, the sign of an injected field', () => {
    expect(() => postProcess(new Map([['x.yml', 'a: 1\na: 2\n']]))).toThrow(
      RenderError,
    );
  });

  it('checks every document of a multi-document file', () => {
    expect(() =>
      postProcess(new Map([['x.yaml', 'a: 1\n---\nb: [\n']])),
    ).toThrow(RenderError);
  });

  it('checks JSON files', () => {
    expect(() => postProcess(new Map([['x.json', '{"a":']]))).toThrow(
      /x\.json/,
    );
  });

  it('leaves other files unparsed', () => {
    expect(
      postProcess(new Map([['Dockerfile', 'a: b: c']])).get('Dockerfile'),
    ).toBe('a: b: c\n');
  });
});
