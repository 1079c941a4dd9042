import type { TriggerStatus } from '@worker-platform/plugin-worker-platform-common';
import { measureQueueDepth } from './queueDepth';

const trigger = (
  currentLength: number | null,
  targetLength: number | null = 3,
): TriggerStatus => ({
  queue: 'pro',
  metric: 's2-redis-pro',
  targetLength,
  currentLength,
  health: 'Happy',
});

describe('measureQueueDepth', () => {
  it('fills the bar by the share of the target', () => {
    expect(measureQueueDepth(trigger(2, 4))).toMatchObject({
      percent: 50,
      overTarget: false,
      text: '2 / 4',
      spokenText: 'pro: 2 waiting, target 4',
    });
  });

  it('caps the bar and says so when the backlog exceeds the target', () => {
    expect(measureQueueDepth(trigger(7))).toMatchObject({
      percent: 100,
      overTarget: true,
      text: '7 / 3',
      spokenText: 'pro: 7 waiting, target 3, over target',
    });
  });

  it('shows an empty queue as an empty bar', () => {
    expect(measureQueueDepth(trigger(0))).toMatchObject({
      percent: 0,
      text: '0 / 3',
    });
  });

  it('tells an unknown depth apart from an empty queue', () => {
    expect(measureQueueDepth(trigger(null))).toMatchObject({
      current: null,
      percent: 0,
      text: '— / 3',
      spokenText: 'pro: depth unknown, target 3',
    });
  });

  it('copes with a trigger without a target', () => {
    expect(measureQueueDepth(trigger(5, null))).toMatchObject({
      percent: 0,
      overTarget: false,
      text: '5 / —',
      spokenText: 'pro: 5 waiting, no target',
    });
  });
});
