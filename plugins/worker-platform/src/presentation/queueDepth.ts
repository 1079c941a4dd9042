import type { TriggerStatus } from '@worker-platform/plugin-worker-platform-common';

/** A queue's backlog measured against the length KEDA targets per replica. */
export interface QueueDepth {
  /** Items waiting; null when KEDA's metrics API did not say. */
  current: number | null;
  target: number | null;
  /** How far the bar is filled, 0–100: the backlog as a share of the target, capped. */
  percent: number;
  /** True when the backlog exceeds the target, so the pool should be scaling out. */
  overTarget: boolean;
  /** `7 / 3`, `— / 3` when unknown. */
  text: string;
  /** What a screen reader says for the bar. */
  spokenText: string;
}

/** Measures one trigger's queue for the depth bar. */
export function measureQueueDepth(trigger: TriggerStatus): QueueDepth {
  const { currentLength: current, targetLength: target } = trigger;
  const targetText = target === null ? 'no target' : `target ${target}`;
  if (current === null) {
    return {
      current,
      target,
      percent: 0,
      overTarget: false,
      text: `— / ${target ?? '—'}`,
      spokenText: `${trigger.queue}: depth unknown, ${targetText}`,
    };
  }
  const percent =
    target && target > 0 ? Math.min(100, (current / target) * 100) : 0;
  const overTarget = target !== null && current > target;
  return {
    current,
    target,
    percent,
    overTarget,
    text: `${current} / ${target ?? '—'}`,
    spokenText: `${trigger.queue}: ${current} waiting, ${targetText}${
      overTarget ? ', over target' : ''
    }`,
  };
}
