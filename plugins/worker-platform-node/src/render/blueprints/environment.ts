import nunjucks from 'nunjucks';
import { blueprintFilters } from '../filters';

/**
 * The blueprint delimiters. Generated files contain `${{ }}` (GitHub
 * Actions), `{{ }}` (ArgoCD notifications, Go templates, Mako) and `{% %}`
 * never, but we stay clear of all three; none of these sequences occurs in
 * the output languages we generate except `<<` for heredocs, which the
 * blueprints do not use.
 */
export const BLUEPRINT_TAGS = {
  blockStart: '<%',
  blockEnd: '%>',
  variableStart: '<<',
  variableEnd: '>>',
  commentStart: '<#',
  commentEnd: '#>',
};

/**
 * The one nunjucks environment every blueprint is compiled in: our
 * delimiters, no HTML autoescaping (each value is escaped by the filter of
 * its target language instead), and undefined variables as errors so a
 * blueprint typo fails the tests rather than rendering an empty string.
 */
export function createBlueprintEnvironment(
  blueprintDir: string,
): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(blueprintDir),
    {
      autoescape: false,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
      tags: BLUEPRINT_TAGS,
    },
  );
  for (const [name, filter] of Object.entries(blueprintFilters)) {
    env.addFilter(name, filter);
  }
  return env;
}
