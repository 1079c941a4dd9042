import { findingOf, ValidationRule } from '../ValidationRule';

/** Every YAML file parses. */
export const yamlSyntaxRule: ValidationRule = {
  id: 'schemas/yaml-syntax',
  family: 'schemas',
  why: 'A hand edit that breaks YAML (a tab, a stray colon) makes kustomize, ArgoCD or GitHub reject the whole file.',
  check({ repo }) {
    return repo
      .paths()
      .filter(file => /\.ya?ml$/.test(file))
      .flatMap(file =>
        repo
          .yaml(file)
          .errors.map(error =>
            findingOf(
              yamlSyntaxRule,
              { file, line: error.line },
              `invalid YAML: ${error.message}`,
            ),
          ),
      );
  },
};
