export { workerPlatformPlugin as default } from './plugin';
