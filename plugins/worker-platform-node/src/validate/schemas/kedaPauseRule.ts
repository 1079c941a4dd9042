import { KEDA_PAUSED_ANNOTATION } from '@worker-platform/plugin-worker-platform-common';
import { describeObject, ofKind } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';
import { checkedObjects } from './checkedObjects';

/** `pollingInterval: 0` is not how KEDA is paused. */
export const kedaPauseRule: ValidationRule = {
  id: 'schemas/keda-polling-pause',
  family: 'schemas',
  why: `KEDA has no "pollingInterval: 0 means paused"; it polls as fast as it can. Pausing is the ${KEDA_PAUSED_ANNOTATION} annotation.`,
  async check(context) {
    const objects = await checkedObjects(context);
    return objects
      .filter(
        ({ object }) =>
          ofKind([object], 'ScaledObject', 'keda.sh').length > 0 &&
          (object.spec as { pollingInterval?: unknown })?.pollingInterval === 0,
      )
      .map(({ object, locate }) =>
        findingOf(
          kedaPauseRule,
          locate(['spec', 'pollingInterval']),
          `${describeObject(
            object,
          )}: pollingInterval 0 does not pause scaling; set the ${KEDA_PAUSED_ANNOTATION}: "true" annotation instead`,
        ),
      );
  },
};
