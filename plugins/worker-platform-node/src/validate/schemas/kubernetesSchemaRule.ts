import { describeObject, formatPointer } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { checkSchema } from './checkSchema';
import { checkedObjects } from './checkedObjects';

/** Every object holds to the published schema of its kind. */
export const kubernetesSchemaRule: ValidationRule = {
  id: 'schemas/kubernetes',
  family: 'schemas',
  why: 'The API server (or the KEDA/ArgoCD CRD) rejects an object of the wrong shape at sync time; catch it before the commit.',
  async check(context) {
    return (await checkedObjects(context)).flatMap(({ object, locate }) =>
      (checkSchema(object)?.violations ?? []).map(violation =>
        findingOf(
          kubernetesSchemaRule,
          locate(violation.path),
          `${describeObject(object)}: ${formatPointer(violation.path) || '/'} ${
            violation.message
          }`,
        ),
      ),
    );
  },
};
