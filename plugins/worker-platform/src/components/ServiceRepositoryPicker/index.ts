export {
  ServiceRepositoryPicker,
  validateServiceRepository,
} from './ServiceRepositoryPicker';
export type { ServiceRepositoryPickerUiOptions } from './ServiceRepositoryPicker';
