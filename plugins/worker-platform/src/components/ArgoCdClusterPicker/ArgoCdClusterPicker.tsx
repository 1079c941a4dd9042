import { useEffect } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi, type ApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { RegistrationClusterSummary } from '@worker-platform/plugin-worker-platform-common';
import useAsync from 'react-use/esm/useAsync';
import { workerPlatformApiRef } from '../../api';
import { workerPlatformTranslationRef } from '../../translation';

const CONFIG_KEY = 'workerPlatform.argocd.registration.clusters';

type Props = FieldExtensionComponentProps<string | undefined>;

/** What the picker should hold once the clusters are known, or undefined to keep it. */
function initialChoice(
  clusters: RegistrationClusterSummary[],
  current: string | undefined,
): string | undefined {
  if (clusters.length === 1 && current !== clusters[0].name) {
    return clusters[0].name;
  }
  // An empty value puts the field in the form data, the only fields the
  // scaffolder runs field validators for, so the step cannot pass unpicked.
  return current === undefined ? '' : undefined;
}

/**
 * The wizards' "Cluster" for registering with ArgoCD: a select of the
 * clusters the backend opens for registration (`GET
 * /registrations/clusters`), each shown with its ArgoCD namespace; the only
 * one is chosen by itself, and none says which configuration to add.
 */
export function ArgoCdClusterPicker(props: Props) {
  const { schema, formData, onChange, rawErrors, idSchema } = props;
  const api = useApi(workerPlatformApiRef);
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const {
    value: clusters,
    loading,
    error,
  } = useAsync(() => api.getRegistrationClusters(), [api]);

  useEffect(() => {
    if (!clusters) return;
    const choice = initialChoice(clusters, formData);
    if (choice !== undefined) onChange(choice);
  }, [clusters, formData, onChange]);

  if (loading) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('argoCdClusterPicker.loading')}
      </Typography>
    );
  }
  if (error || !clusters) {
    return (
      <Typography variant="body2" color="error">
        {t('argoCdClusterPicker.loadFailed', { message: error?.message ?? '' })}
      </Typography>
    );
  }
  if (clusters.length === 0) {
    return (
      <Typography variant="body2" color="error">
        {t('argoCdClusterPicker.noneOpen', { configKey: CONFIG_KEY })}
      </Typography>
    );
  }
  return (
    <TextField
      id={idSchema?.$id}
      select
      label={schema.title ?? t('argoCdClusterPicker.title')}
      helperText={schema.description}
      InputLabelProps={{ required: true }}
      fullWidth
      margin="normal"
      value={formData ?? ''}
      onChange={event => onChange(event.target.value as string)}
      error={(rawErrors?.length ?? 0) > 0}
    >
      {clusters.map(cluster => (
        <MenuItem key={cluster.name} value={cluster.name}>
          {t('argoCdClusterPicker.option', {
            cluster: cluster.name,
            namespace: cluster.namespace,
          })}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Accepts only a cluster the backend opens for registration, and says which
 * ones are when the value is missing or another.
 */
export const validateArgoCdCluster: CustomFieldValidator<
  string | undefined
> = async (value, validation, context) => {
  const api = (context.apiHolder as ApiHolder).get(workerPlatformApiRef);
  if (!api) return;
  const clusters = await api.getRegistrationClusters();
  const names = clusters.map(c => c.name);
  if (names.length === 0) {
    validation.addError(
      `No cluster is open for registration (${CONFIG_KEY}); turn registration off`,
    );
  } else if (!value) {
    validation.addError(
      `Pick the cluster to register with: ${names.join(', ')}`,
    );
  } else if (!names.includes(value)) {
    validation.addError(
      `${value} is not open for registration; pick one of ${names.join(', ')}`,
    );
  }
};
