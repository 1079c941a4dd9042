import { markdownText } from './markdownText';

describe('markdownText', () => {
  it('keeps words', () => {
    expect(markdownText('AI image generation')).toBe('AI image generation');
  });

  it('escapes markup and joins lines', () => {
    expect(markdownText('# Title\n[x](http://e) `c` <b>')).toBe(
      '\\# Title \\[x\\]\\(http://e\\) \\`c\\` \\<b\\>',
    );
  });
});
