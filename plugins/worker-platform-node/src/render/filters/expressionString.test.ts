import { expressionString } from './expressionString';

describe('expressionString', () => {
  it('single-quotes values', () => {
    expect(expressionString('refs/heads/main')).toBe("'refs/heads/main'");
  });

  it('doubles embedded single quotes', () => {
    expect(expressionString("it's")).toBe("'it''s'");
  });
});
