import { useEffect } from 'react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi, type ApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import {
  serviceRepositoryOf,
  type ServiceRepository,
} from '../../presentation/serviceRepository';
import { workerPlatformTranslationRef } from '../../translation';

/** `ui:options` of the field. */
export interface ServiceRepositoryPickerUiOptions {
  /** The form field holding the service's entity ref; `component` if unset. */
  entityField?: string;
}

type Props = FieldExtensionComponentProps<
  string | undefined,
  ServiceRepositoryPickerUiOptions
>;

function chosenService(
  formData: Record<string, unknown> | undefined,
  options: ServiceRepositoryPickerUiOptions | undefined,
): string | undefined {
  const value = formData?.[options?.entityField ?? 'component'];
  return typeof value === 'string' && value ? value : undefined;
}

async function repositoryOf(
  catalogApi: { getEntityByRef(ref: string): Promise<any> } | undefined,
  entityRef: string,
): Promise<ServiceRepository | undefined> {
  return serviceRepositoryOf(await catalogApi?.getEntityByRef(entityRef));
}

/**
 * The environment wizard's question about where a service's repository
 * lives, asked only when the chosen service's entity cannot answer it: a
 * `backstage.io/source-location` naming a GitHub repository or a local
 * publisher's one makes it a line of text, its absence a required field
 * (with the template's title, help text and pattern, which must accept the
 * empty string the field starts with).
 */
export function ServiceRepositoryPicker(props: Props) {
  const {
    formContext,
    uiSchema,
    schema,
    formData,
    onChange,
    rawErrors,
    idSchema,
  } = props;
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const entityRef = chosenService(
    formContext?.formData,
    uiSchema['ui:options'],
  );
  const { value: repository, loading } = useAsync(
    async () => (entityRef ? repositoryOf(catalogApi, entityRef) : undefined),
    [catalogApi, entityRef],
  );
  const known = !loading && repository !== undefined;

  const unknown = !!entityRef && !loading && repository === undefined;

  // An answer given for another service is not this one's. An empty one
  // puts the field in the form data, the only fields the scaffolder runs
  // field validators for, so the step cannot pass unanswered.
  useEffect(() => {
    if (known && formData !== undefined) onChange(undefined);
    if (unknown && formData === undefined) onChange('');
  }, [known, unknown, formData, onChange]);

  if (!entityRef || loading) return null;
  if (repository) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('serviceRepositoryPicker.fromEntity', {
          repository:
            repository.publisher === 'github'
              ? repository.url
              : t('serviceRepositoryPicker.localPublisher', {
                  directory: repository.directory,
                }),
        })}
      </Typography>
    );
  }
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title}
      helperText={schema.description}
      placeholder="https://github.com/<owner>/<repo>"
      // Required by validateServiceRepository, not by the browser, whose
      // native check would stop the step before it runs and says why.
      InputLabelProps={{ required: true }}
      inputProps={{ 'aria-required': true }}
      fullWidth
      margin="normal"
      value={formData ?? ''}
      onChange={event => onChange(event.target.value)}
      error={(rawErrors?.length ?? 0) > 0}
    />
  );
}

/**
 * Requires an answer when the chosen service's entity does not say where
 * its repository lives. The template's `pattern` checks the answer's form.
 */
export const validateServiceRepository: CustomFieldValidator<
  string | undefined,
  ServiceRepositoryPickerUiOptions
> = async (value, validation, context) => {
  const entityRef = chosenService(
    context.formData,
    context.uiSchema?.['ui:options'],
  );
  if (!entityRef || value) return;
  const catalogApi = (context.apiHolder as ApiHolder).get(catalogApiRef);
  if (await repositoryOf(catalogApi, entityRef)) return;
  validation.addError(
    "The service's entity has no usable backstage.io/source-location: give its GitHub repository (https://github.com/<owner>/<repo>)",
  );
};
