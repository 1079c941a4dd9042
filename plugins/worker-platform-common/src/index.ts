/**
 * The `WorkerPlatform` spec, the naming contract and the status types shared
 * by the worker-platform plugins.
 *
 * @packageDocumentation
 */

export * from './contract';
export * from './spec';
export * from './status';
export * from './signals';
export * from './permissions';
export * from './operations';
export * from './registration';
