import { closestMatch, didYouMean, editDistance } from './suggest';

describe('suggest', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('offers only close matches', () => {
    expect(closestMatch('enviroments', ['environments', 'workers'])).toBe(
      'environments',
    );
    expect(closestMatch('Workers', ['environments', 'workers'])).toBe(
      'workers',
    );
    expect(closestMatch('colour', ['environments', 'workers'])).toBeUndefined();
    expect(didYouMean('gpuu', ['gpu', 'system'])).toBe('; did you mean "gpu"?');
    expect(didYouMean('zzz', [])).toBe('');
  });
});
