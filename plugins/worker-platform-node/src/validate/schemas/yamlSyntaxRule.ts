import { findingOf, ValidationRule } from '../ValidationRule';

/** Every YAML file parses. */
export const yamlSyntaxRule: ValidationRule = {
  id: 'schemas/yaml-syntax',
  family: 'schemas',
  why: 'A hand edit that breaks YAML (a tab, a stray colon) makes kustomize, ArgoCD or GitHub reject the whole file.',
  check({ repo }) {
    return (
      repo
        .paths()
        .filter(file => /\.ya?ml$/.test(file))
        // The first error only: the ones after it mostly follow from it.
        .flatMap(file =>
          repo
            .yaml(file)
            .errors.slice(0, 1)
            .map(error =>
              findingOf(
                yamlSyntaxRule,
                { file, line: error.line },
                `invalid YAML: ${error.message}`,
              ),
            ),
        )
    );
  },
};
