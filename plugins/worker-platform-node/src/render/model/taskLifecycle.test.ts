import {
  deriveScalingSafety,
  deriveTaskLimits,
  deriveVisibilityTimeout,
} from './taskLifecycle';

describe('deriveTaskLimits', () => {
  it('keeps the seed grace periods for the default task timeouts', () => {
    expect(deriveTaskLimits(240)).toEqual({
      softTimeLimit: 240,
      hardTimeLimit: 270,
      terminationGracePeriodSeconds: 300,
      scaleDownPeriodSeconds: 300,
    });
    expect(deriveTaskLimits(60).terminationGracePeriodSeconds).toBe(120);
  });

  it('caps the scale-down period at what the HPA accepts', () => {
    expect(deriveTaskLimits(7200).scaleDownPeriodSeconds).toBe(1800);
  });
});

describe('deriveVisibilityTimeout', () => {
  it('outlasts the longest grace period of any pool', () => {
    const limits = [deriveTaskLimits(60), deriveTaskLimits(240)];
    expect(deriveVisibilityTimeout(limits)).toBe(360);
  });
});

describe('deriveScalingSafety', () => {
  it('never falls back to zero replicas and caps the stabilization window', () => {
    expect(deriveScalingSafety({ min: 0, cooldownPeriod: 300 })).toEqual({
      fallbackReplicas: 1,
      fallbackFailureThreshold: 3,
      scaleDownStabilizationSeconds: 300,
    });
    expect(deriveScalingSafety({ min: 4, cooldownPeriod: 7200 })).toMatchObject(
      { fallbackReplicas: 4, scaleDownStabilizationSeconds: 3600 },
    );
  });
});
