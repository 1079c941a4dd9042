// One real-shaped object of each watched kind, as the API server returns it
// (managedFields and all), for the reducers' and planners' tests; the
// scenarios are built from the same objects.
export { default as applicationFixture } from './__fixtures__/application.json';
export { default as apiDeploymentFixture } from './__fixtures__/apiDeployment.json';
export { default as apiHorizontalPodAutoscalerFixture } from './__fixtures__/apiHorizontalPodAutoscaler.json';
export { default as kedaHorizontalPodAutoscalerFixture } from './__fixtures__/kedaHorizontalPodAutoscaler.json';
export { default as scaledObjectFixture } from './__fixtures__/scaledObject.json';
export { default as workerDeploymentFixture } from './__fixtures__/workerDeployment.json';
