import { findingOf, ValidationRule } from '../ValidationRule';
import { checkSchema } from './checkSchema';
import { checkedObjects } from './checkedObjects';

/**
 * Kinds a generated repository uses that no installed `@kubernetes-models`
 * package models; they are left to their controllers' admission. (Argo
 * Rollouts shares the argoproj.io group with the ArgoCD models, which have
 * no Rollout; cross-file/alb-traffic checks the fields its canary needs.)
 */
const KINDS_WITHOUT_MODELS = new Set([
  'bitnami.com/v1alpha1/SealedSecret',
  'flagger.app/v1beta1/Canary',
  'argoproj.io/v1alpha1/Rollout',
  'argoproj.io/v1alpha1/AnalysisTemplate',
]);

/** Says which objects no schema checked, instead of passing them silently. */
export const unmodeledKindRule: ValidationRule = {
  id: 'schemas/unmodeled-kind',
  family: 'schemas',
  why: 'An object of a kind no schema package knows is not checked at all; a typo in apiVersion or kind lands here.',
  async check(context) {
    const seen = new Set<string>();
    return (await checkedObjects(context)).flatMap(({ object, locate }) => {
      const key = `${object.apiVersion}/${object.kind}`;
      if (
        KINDS_WITHOUT_MODELS.has(key) ||
        checkSchema(object) ||
        seen.has(key)
      ) {
        return [];
      }
      seen.add(key);
      return [
        findingOf(
          unmodeledKindRule,
          locate(['kind']),
          `no schema knows ${object.apiVersion} ${object.kind}; it was not checked (a typo in apiVersion or kind?)`,
          'warning',
        ),
      ];
    });
  },
};
