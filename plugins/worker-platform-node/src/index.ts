/**
 * The worker-platform node library: the render engine (a validated
 * `WorkerPlatform` spec in, a complete deployment repository out), the
 * repository validator and lifecycle, and the backend's extension points.
 *
 * @packageDocumentation
 */

export { renderRepository } from './render/renderRepository';
export { RenderError } from './render/RenderError';
export { BLUEPRINT_VERSION } from './render/blueprintVersion';
export * from './write';
export { findKustomize } from './render/kustomizeBuild';
export type { KustomizeBuilder } from './render/kustomizeBuild';
export * from './validate';
export * from './lifecycle';
export * from './argocd';
export * from './extensions';
export { readLocalPublisherConfig } from './localPublisher/config';
export type { LocalPublisherConfig } from './localPublisher/config';
