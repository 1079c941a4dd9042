import { reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  const options = { initialDelayMs: 500, maxDelayMs: 30_000 };

  it('doubles per failure up to the cap', () => {
    const atMost = (failures: number) =>
      reconnectDelay(failures, options, () => 1);
    expect([1, 2, 3, 4, 7, 8, 20].map(atMost)).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000, 30_000,
    ]);
  });

  it('jitters between half and all of the delay', () => {
    expect(reconnectDelay(3, options, () => 0)).toBe(1000);
    expect(reconnectDelay(3, options, () => 0.5)).toBe(1500);
    for (let i = 0; i < 100; i++) {
      const delay = reconnectDelay(3, options);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });
});
