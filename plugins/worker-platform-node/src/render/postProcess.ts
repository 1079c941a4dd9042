import { loadAll } from 'js-yaml';
import { RenderError } from './RenderError';

/**
 * The last step of a render: every file ends in exactly one newline, and
 * every YAML and JSON file must parse back (duplicate keys included), so a
 * blueprint bug or an escaping gap fails the render instead of producing a
 * repository that breaks later in kubectl, ArgoCD or GitHub. Returns the
 * files sorted by path.
 */
export function postProcess(files: Map<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  for (const file of [...files.keys()].sort()) {
    const content = `${files.get(file)!.replace(/\s+$/, '')}\n`;
    checkParses(file, content);
    result.set(file, content);
  }
  return result;
}

function checkParses(file: string, content: string) {
  if (/\.ya?ml$/.test(file)) {
    // js-yaml rather than the `yaml` library the blueprints write with: a
    // second parser for the check, and several times faster at it.
    try {
      loadAll(content);
    } catch (error) {
      throw new RenderError(file, (error as Error).message.split('\n')[0]);
    }
  } else if (file.endsWith('.json')) {
    try {
      JSON.parse(content);
    } catch (error) {
      throw new RenderError(file, (error as Error).message);
    }
  }
}
