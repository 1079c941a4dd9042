import { ValidationRule } from './ValidationRule';
import { commonLabelsRule } from './kustomize/commonLabelsRule';
import { kustomizeBuildRule } from './kustomize/kustomizeBuildRule';
import { kustomizeToolRule } from './kustomize/kustomizeToolRule';
import { namespaceCollapseRule } from './kustomize/namespaceCollapseRule';
import { kedaFallbackRule } from './schemas/kedaFallbackRule';
import { kedaPauseRule } from './schemas/kedaPauseRule';
import { podSecurityRule } from './schemas/podSecurityRule';
import { kubernetesSchemaRule } from './schemas/kubernetesSchemaRule';
import { unknownFieldRule } from './schemas/unknownFieldRule';
import { unmodeledKindRule } from './schemas/unmodeledKindRule';
import { yamlSyntaxRule } from './schemas/yamlSyntaxRule';
import { workerPlatformSpecRule } from './schemas/workerPlatformSpecRule';
import { actionlintRule } from './workflows/actionlintRule';
import { argocdSyncRaceRule } from './workflows/argocdSyncRaceRule';
import { branchPushRule } from './workflows/branchPushRule';
import { supplyChainRule } from './workflows/supplyChainRule';
import { awsOidcRule } from './workflows/awsOidcRule';
import { pinnedActionsRule } from './workflows/pinnedActionsRule';
import { untrustedExpressionRule } from './workflows/untrustedExpressionRule';
import { addUrlRule } from './dockerfiles/addUrlRule';
import { apiHealthcheckRule } from './dockerfiles/apiHealthcheckRule';
import { aptListsRule } from './dockerfiles/aptListsRule';
import { baseImageTagRule } from './dockerfiles/baseImageTagRule';
import { dockerfileDiagnosticsRule } from './dockerfiles/dockerfileDiagnosticsRule';
import { nonRootUserRule } from './dockerfiles/nonRootUserRule';
import { pythonVersionRule } from './dockerfiles/pythonVersionRule';
import { albDrainRule } from './crossFile/albDrainRule';
import { albTrafficRule } from './crossFile/albTrafficRule';
import { argocdDestinationsRule } from './crossFile/argocdDestinationsRule';
import { argocdNotificationsRule } from './crossFile/argocdNotificationsRule';
import { availabilityRule } from './crossFile/availabilityRule';
import { autoscalerConflictRule } from './crossFile/autoscalerConflictRule';
import { ciImagesRule } from './crossFile/ciImagesRule';
import { ciOwnedImagesRule } from './crossFile/ciOwnedImagesRule';
import { imageTagsRule } from './crossFile/imageTagsRule';
import { configKeysReadRule } from './crossFile/configKeysReadRule';
import { configRefsRule } from './crossFile/configRefsRule';
import { deliveryConflictRule } from './crossFile/deliveryConflictRule';
import { hookImageRule } from './crossFile/hookImageRule';
import { hpaReplicasRule } from './crossFile/hpaReplicasRule';
import { networkIsolationRule } from './crossFile/networkIsolationRule';
import { kedaQueuesRule } from './crossFile/kedaQueuesRule';
import { scaleTargetRule } from './crossFile/scaleTargetRule';
import { visibilityTimeoutRule } from './crossFile/visibilityTimeoutRule';
import { workerLivenessRule } from './crossFile/workerLivenessRule';
import { workerShutdownRule } from './crossFile/workerShutdownRule';

/** Every rule, grouped by family in the order families run. */
export const validationRules: readonly ValidationRule[] = [
  kustomizeToolRule,
  kustomizeBuildRule,
  commonLabelsRule,
  namespaceCollapseRule,
  yamlSyntaxRule,
  kubernetesSchemaRule,
  unknownFieldRule,
  unmodeledKindRule,
  kedaPauseRule,
  kedaFallbackRule,
  podSecurityRule,
  workerPlatformSpecRule,
  actionlintRule,
  pinnedActionsRule,
  untrustedExpressionRule,
  awsOidcRule,
  argocdSyncRaceRule,
  branchPushRule,
  supplyChainRule,
  dockerfileDiagnosticsRule,
  nonRootUserRule,
  baseImageTagRule,
  apiHealthcheckRule,
  aptListsRule,
  addUrlRule,
  pythonVersionRule,
  kedaQueuesRule,
  autoscalerConflictRule,
  scaleTargetRule,
  configRefsRule,
  configKeysReadRule,
  workerShutdownRule,
  workerLivenessRule,
  visibilityTimeoutRule,
  availabilityRule,
  hpaReplicasRule,
  networkIsolationRule,
  albDrainRule,
  ciImagesRule,
  ciOwnedImagesRule,
  imageTagsRule,
  argocdDestinationsRule,
  argocdNotificationsRule,
  hookImageRule,
  deliveryConflictRule,
  albTrafficRule,
];
