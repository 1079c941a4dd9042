import { parseQuantity } from './parseQuantity';

describe('parseQuantity', () => {
  it.each([
    ['12', 12],
    ['0', 0],
    ['1500m', 1.5],
    ['3k', 3000],
    ['2Ki', 2048],
    ['1.5', 1.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['', 'abc', '12Q', '1e3x'])('refuses %j', text => {
    expect(parseQuantity(text)).toBeNull();
  });
});
