export {
  ArgoCdClusterPicker,
  validateArgoCdCluster,
} from './ArgoCdClusterPicker';
