export {
  TargetNotEmptyError,
  writeRepository,
  WriteRepositoryError,
} from './writeRepository';
export type { WriteRepositoryOptions } from './writeRepository';
