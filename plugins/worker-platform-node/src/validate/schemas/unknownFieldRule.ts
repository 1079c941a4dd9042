import { describeObject, formatPointer } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { checkSchema } from './checkSchema';
import { checkedObjects } from './checkedObjects';

/** Fields the kind's schema does not define: typos, or fields that do not exist. */
export const unknownFieldRule: ValidationRule = {
  id: 'schemas/unknown-field',
  family: 'schemas',
  why: 'The API server silently drops unknown fields, so a typo (`pollingIntervl`) or a field that does not exist (`configMapRef.namespace`) does nothing.',
  async check(context) {
    return (await checkedObjects(context)).flatMap(({ object, locate }) =>
      (checkSchema(object)?.unknownFields ?? []).map(path =>
        findingOf(
          unknownFieldRule,
          locate(path),
          `${describeObject(object)}: ${formatPointer(
            path,
          )} is not a field of ${object.apiVersion} ${
            object.kind
          }; it would be dropped`,
        ),
      ),
    );
  },
};
