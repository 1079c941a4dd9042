import {
  apiDeploymentFixture as apiDeployment,
  kedaHorizontalPodAutoscalerFixture as kedaHpa,
  workerDeploymentFixture as workerDeployment,
} from '@worker-platform/plugin-worker-platform-test-utils';
import {
  reduceDeployment,
  reduceHorizontalPodAutoscaler,
} from './reduceWorkload';

describe('reduceDeployment', () => {
  it('reads replica counts', () => {
    expect(reduceDeployment(apiDeployment, 'c')).toMatchObject({
      kind: 'Deployment',
      component: 'api',
      desired: 5,
      current: 5,
      ready: 5,
    });
  });

  it('reads the counts the API server leaves out at zero as zero', () => {
    expect(reduceDeployment(workerDeployment, 'c')).toMatchObject({
      worker: 'gpu',
      desired: 0,
      current: 0,
      ready: 0,
    });
  });
});

describe('reduceHorizontalPodAutoscaler', () => {
  it("keeps KEDA's HPA conditions at zero replicas", () => {
    expect(reduceHorizontalPodAutoscaler(kedaHpa, 'c')).toMatchObject({
      kind: 'HorizontalPodAutoscaler',
      name: 'keda-hpa-pingvasai-gpu-worker',
      scaleTarget: 'pingvasai-gpu-worker',
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [
        { type: 'AbleToScale', status: 'True' },
        { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled' },
      ],
    });
  });
});
