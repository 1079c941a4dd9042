import { createLimiter } from './createLimiter';

describe('createLimiter', () => {
  it('never runs more than its concurrency and runs everything', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(n =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise(resolve => setTimeout(resolve, 5));
          running--;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });

  it('frees the slot of a failed task', async () => {
    const limit = createLimiter(1);
    await expect(
      limit(() => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });
});
