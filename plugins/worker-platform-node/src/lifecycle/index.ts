export {
  contentHash,
  createRenderManifest,
  parseRenderManifest,
  RENDER_MANIFEST_PATH,
  RenderManifestError,
  SPEC_PATH,
  stringifyRenderManifest,
  withRenderManifest,
} from './renderManifest';
export type { RenderManifest } from './renderManifest';
export { CONFLICTS_DIRECTORY, conflictProposalPath } from './planReRender';
export type { ChangeSummary } from './planReRender';
export {
  reRenderRepository,
  ReRenderValidationError,
} from './reRenderRepository';
export type {
  ReRenderRepositoryOptions,
  ReRenderResult,
} from './reRenderRepository';
export { addEnvironment } from './addEnvironment';
export type {
  AddEnvironmentResult,
  EnvironmentAddition,
  EnvironmentFieldError,
} from './addEnvironment';
export { environmentNames } from './environmentNames';
export type { EnvironmentNames } from './environmentNames';
export { readStoredSpec, StoredSpecError } from './storedSpec';
export {
  addEnvironmentToRepository,
  EnvironmentAdditionError,
  upgradeRepository,
} from './repositoryLifecycle';
export type {
  AddEnvironmentToRepositoryResult,
  RepositoryLifecycleOptions,
} from './repositoryLifecycle';
export { formatChangeSummary } from './formatChangeSummary';
