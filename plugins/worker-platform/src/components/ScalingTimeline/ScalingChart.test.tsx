import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { PoolScalingHistory } from '@worker-platform/plugin-worker-platform-common';
import { screen } from '@testing-library/react';
import { ScalingChart } from './ScalingChart';

const at = (minute: number) => new Date(2026, 11, 4, 10, minute).getTime();
const NOW = at(59);

const pool: PoolScalingHistory = {
  name: 'gpu',
  queues: [
    { queue: 'pro', targetLength: 3 },
    { queue: 'free', targetLength: 10 },
  ],
  recordedSince: new Date(at(0)).toISOString(),
  points: [
    { at: new Date(at(0)).toISOString(), desired: 0, ready: 0, depths: [0, 0] },
    {
      at: new Date(at(42)).toISOString(),
      desired: 6,
      ready: 6,
      depths: [1, 37],
    },
  ],
};

describe('ScalingChart', () => {
  it('is one image named after the pool, described by its summary', async () => {
    await renderInTestApp(<ScalingChart pool={pool} now={NOW} minutes={60} />);
    const chart = screen.getByRole('img', {
      name: 'gpu replicas and queue depth, last 60 minutes',
    });
    expect(chart).toHaveAccessibleDescription(
      'gpu: Scaled 0 → 6 at 10:42 when free reached 37/10.',
    );
    // Desired, ready and one line per queue are drawn.
    expect(chart.querySelectorAll('.recharts-line').length).toBe(4);
  });

  it('shows an empty chart and says so for a pool with no points', async () => {
    await renderInTestApp(
      <ScalingChart pool={{ ...pool, points: [] }} now={NOW} minutes={60} />,
    );
    expect(
      screen.getByRole('img', {
        name: 'gpu replicas and queue depth, last 60 minutes',
      }),
    ).toHaveAccessibleDescription(
      'gpu: No replica or queue changes recorded in the last 60 minutes.',
    );
  });
});
