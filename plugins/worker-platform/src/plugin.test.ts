import { workerPlatformPlugin } from './plugin';

describe('worker-platform', () => {
  it('should export plugin', () => {
    expect(workerPlatformPlugin).toBeDefined();
  });
});
