import { poolLayout } from './poolLayout';

describe('poolLayout', () => {
  it('keeps the table for an environment as wide as the page', () => {
    expect(poolLayout({ columns: 12, phone: false })).toBe('table');
  });

  it('lays pools out as cards beside other environments, and on a phone', () => {
    expect(poolLayout({ columns: 4, phone: false })).toBe('cards');
    expect(poolLayout({ columns: 6, phone: false })).toBe('cards');
    expect(poolLayout({ columns: 12, phone: true })).toBe('cards');
  });
});
