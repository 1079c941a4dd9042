import path from 'node:path';

/** A `kustomize edit set image` call found in a workflow script. */
export interface SetImageCommand {
  /** The directory it runs in, repository-relative; may contain variables. */
  directory: string;
  /** The image names it sets (the part before `=`, `:` or `@`); may contain variables. */
  images: string[];
}

/**
 * Follows a `run:` script's `cd`s and collects its `kustomize edit set image`
 * calls. A shell script is not parsed here in full: `cd`, `&&`, `;`,
 * subshell parentheses and line continuations are what these scripts use.
 */
export function setImageCommands(
  script: string,
  workingDirectory = '.',
): SetImageCommand[] {
  const commands: SetImageCommand[] = [];
  let cwd = normalize(workingDirectory);
  const lines = script.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    for (const raw of line.split(/&&|;|\|\|/)) {
      const words = raw
        .trim()
        .replace(/^\(+|\)+$/g, '')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(unquote);
      if (words[0] === 'cd' || words[0] === 'pushd') {
        cwd = words[1] ? normalize(path.posix.join(cwd, words[1])) : cwd;
      } else if (
        words[0] === 'kustomize' &&
        words[1] === 'edit' &&
        words[2] === 'set' &&
        words[3] === 'image'
      ) {
        commands.push({
          directory: cwd,
          images: words.slice(4).map(imageName),
        });
      }
    }
  }
  return commands;
}

/** A regular expression matching the values a name with `${{ }}`, `${VAR}` or `$VAR` may take. */
export function variablePattern(text: string): RegExp {
  const parts = text.split(
    /\$\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/,
  );
  return new RegExp(
    `^${parts
      .map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
}

function imageName(argument: string): string {
  const equals = argument.indexOf('=');
  if (equals >= 0) return argument.slice(0, equals);
  const digest = argument.indexOf('@');
  if (digest >= 0) return argument.slice(0, digest);
  const tag = argument.lastIndexOf(':');
  return tag > argument.lastIndexOf('/') ? argument.slice(0, tag) : argument;
}

function unquote(word: string): string {
  return word.replace(/^["']|["']$/g, '');
}

function normalize(dir: string): string {
  const normalized = path.posix.normalize(dir).replace(/\/+$/, '');
  return normalized === '' ? '.' : normalized;
}
