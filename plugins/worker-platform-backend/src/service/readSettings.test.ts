import { ConfigReader } from '@backstage/config';
import { readQueueDepthSettings } from './readSettings';

const read = (queueDepth: object) =>
  readQueueDepthSettings(new ConfigReader({ workerPlatform: { queueDepth } }));

describe('readQueueDepthSettings', () => {
  it('reads the refresh interval as a Backstage duration', () => {
    expect(read({ refreshInterval: { seconds: 30 } }).refreshIntervalMs).toBe(
      30_000,
    );
    expect(read({ refreshInterval: 'PT2M' }).refreshIntervalMs).toBe(120_000);
  });

  it('still reads refreshIntervalSeconds, and prefers refreshInterval', () => {
    expect(read({ refreshIntervalSeconds: 5 }).refreshIntervalMs).toBe(5_000);
    expect(
      read({ refreshIntervalSeconds: 5, refreshInterval: { seconds: 7 } })
        .refreshIntervalMs,
    ).toBe(7_000);
  });

  it('refuses a zero interval, naming the key', () => {
    expect(() => read({ refreshInterval: { seconds: 0 } })).toThrow(
      'workerPlatform.queueDepth.refreshInterval',
    );
  });
});
