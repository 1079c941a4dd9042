import { formatAge } from './formatAge';

const now = Date.parse('2026-11-28T14:30:00Z');

describe('formatAge', () => {
  it.each([
    ['2026-11-28T14:29:48Z', '12 s'],
    ['2026-11-28T14:28:00Z', '2 min'],
    ['2026-11-28T14:00:01Z', '29 min'],
    ['2026-11-28T11:29:00Z', '3 h'],
    ['2026-11-24T14:30:00Z', '4 d'],
  ])('reads %s as %s', (iso, expected) => {
    expect(formatAge(iso, now)).toBe(expected);
  });

  it('reads a time slightly ahead of the browser clock as 0 s', () => {
    expect(formatAge('2026-11-28T14:30:02Z', now)).toBe('0 s');
  });

  it('says unknown for a timestamp it cannot parse', () => {
    expect(formatAge('yesterday', now)).toBe('unknown');
  });
});
