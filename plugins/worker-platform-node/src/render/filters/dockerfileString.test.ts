import { dockerfileString } from './dockerfileString';

describe('dockerfileString', () => {
  it('quotes plain text', () => {
    expect(dockerfileString('AI image generation')).toBe(
      '"AI image generation"',
    );
  });

  it('escapes quotes, backslashes and variable references', () => {
    expect(dockerfileString('say "hi" \\ $HOME ${X}')).toBe(
      '"say \\"hi\\" \\\\ \\$HOME \\${X}"',
    );
  });

  it('keeps the instruction on one line', () => {
    expect(dockerfileString('one\nRUN rm -rf /\r\ntwo')).toBe(
      '"one RUN rm -rf / two"',
    );
  });
});
