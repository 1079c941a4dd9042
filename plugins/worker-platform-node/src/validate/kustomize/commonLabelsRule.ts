import { findingOf, ValidationRule } from '../ValidationRule';

/** `commonLabels` is deprecated and also rewrites selectors. */
export const commonLabelsRule: ValidationRule = {
  id: 'kustomize/common-labels',
  family: 'kustomize',
  why: '`commonLabels` is deprecated and writes into immutable selectors, so a later label change cannot be applied; use `labels`.',
  check({ repo }) {
    return repo
      .paths()
      .filter(file => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file))
      .flatMap(file => repo.yaml(file).documents)
      .filter(
        doc =>
          (doc.value as Record<string, unknown>)?.commonLabels !== undefined,
      )
      .map(doc =>
        findingOf(
          commonLabelsRule,
          { file: doc.file, line: doc.lineOf(['commonLabels']) },
          'commonLabels is deprecated and changes selectors; use labels with includeSelectors: false',
        ),
      );
  },
};
