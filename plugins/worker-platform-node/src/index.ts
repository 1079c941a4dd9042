/**
 * The worker-platform render engine: a validated `WorkerPlatform` spec in,
 * a complete deployment repository (as a map of files) out.
 *
 * @packageDocumentation
 */

export { renderRepository } from './render/renderRepository';
export { RenderError } from './render/RenderError';
export { BLUEPRINT_VERSION } from './render/blueprintVersion';
export * from './write';
export { runWorkerPlatformCli } from './cli';
export * from './validate';
export * from './lifecycle';
export * from './argocd';
