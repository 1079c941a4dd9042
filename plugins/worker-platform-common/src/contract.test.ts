import { celeryQueueKey, resourceNames } from './contract';

describe('contract', () => {
  it('names the Redis key Celery keeps a queue in, never celery:queue:<q>', () => {
    expect(celeryQueueKey('enterprise')).toBe('enterprise');
    expect(celeryQueueKey('enterprise', 'pingvasai:')).toBe(
      'pingvasai:enterprise',
    );
  });

  it('derives object names from the service, pool and environment', () => {
    expect(resourceNames.worker('pingvasai', 'gpu')).toBe(
      'pingvasai-gpu-worker',
    );
    expect(resourceNames.apiApplication('pingvasai', 'production')).toBe(
      'pingvasai-production-api',
    );
    expect(resourceNames.workersApplication('pingvasai', 'production')).toBe(
      'pingvasai-production-workers',
    );
  });
});
