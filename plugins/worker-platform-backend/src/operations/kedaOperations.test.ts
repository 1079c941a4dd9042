import { scaledObjectFixture as scaledObject } from '@worker-platform/plugin-worker-platform-test-utils';
import { planKedaOperation } from './kedaOperations';

const so = (annotations?: Record<string, string>) => {
  const copy = structuredClone(scaledObject) as any;
  copy.metadata.annotations = annotations;
  return copy;
};
const PAUSED = 'autoscaling.keda.sh/paused';
const PAUSED_REPLICAS = 'autoscaling.keda.sh/paused-replicas';

describe('planKedaOperation', () => {
  it('pauses at the current count, clearing a fixed count', () => {
    expect(
      planKedaOperation(so({ [PAUSED_REPLICAS]: '2' }), { operation: 'pause' })
        .patch,
    ).toEqual({
      type: 'merge',
      body: {
        metadata: {
          annotations: { [PAUSED]: 'true', [PAUSED_REPLICAS]: null },
        },
      },
    });
  });

  it('pauses at a fixed count, clearing the plain switch', () => {
    expect(
      planKedaOperation(so({ [PAUSED]: 'true' }), {
        operation: 'pause',
        replicas: 0,
      }).patch?.body,
    ).toEqual({
      metadata: { annotations: { [PAUSED]: null, [PAUSED_REPLICAS]: '0' } },
    });
  });

  it('changes nothing when already as asked', () => {
    expect(
      planKedaOperation(so({ [PAUSED]: 'true' }), { operation: 'pause' }).patch,
    ).toBeUndefined();
    expect(
      planKedaOperation(so({ [PAUSED_REPLICAS]: '3' }), {
        operation: 'pause',
        replicas: 3,
      }).patch,
    ).toBeUndefined();
    expect(planKedaOperation(so(), { operation: 'resume' })).toEqual({
      message: expect.stringMatching(/is not paused$/),
    });
  });

  it('resumes by removing both switches', () => {
    expect(
      planKedaOperation(so({ [PAUSED_REPLICAS]: '1' }), { operation: 'resume' })
        .patch?.body,
    ).toEqual({
      metadata: { annotations: { [PAUSED]: null, [PAUSED_REPLICAS]: null } },
    });
  });
});
