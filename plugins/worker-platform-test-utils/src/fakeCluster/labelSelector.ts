/**
 * A Kubernetes label selector (`a=b,c!=d,e,!f,g in (h,i),j notin (k)`),
 * parsed once and matched against many objects, as the API server does for
 * `?labelSelector=`.
 */
export type LabelSelectorMatcher = (
  labels: Record<string, string> | undefined,
) => boolean;

type Requirement = (labels: Record<string, string>) => boolean;

const SET_PATTERN = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQUALITY_PATTERN = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/;
const EXISTS_PATTERN = /^(!?)([^\s!=(),]+)$/;

/** Parses a selector; throws naming the requirement that cannot be read. */
export function parseLabelSelector(selector: string): LabelSelectorMatcher {
  const requirements = splitRequirements(selector).map(parseRequirement);
  return labels => requirements.every(matches => matches(labels ?? {}));
}

// Commas separate requirements except inside the parentheses of a set.
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(part => part.trim()).filter(part => part !== '');
}

function parseRequirement(text: string): Requirement {
  const set = SET_PATTERN.exec(text);
  if (set) {
    const [, key, operator, list] = set;
    const values = new Set(list.split(',').map(value => value.trim()));
    return operator === 'in'
      ? labels => key in labels && values.has(labels[key])
      : labels => !(key in labels) || !values.has(labels[key]);
  }
  const equality = EQUALITY_PATTERN.exec(text);
  if (equality) {
    const [, key, operator, value] = equality;
    return operator === '!='
      ? labels => labels[key] !== value
      : labels => labels[key] === value;
  }
  const exists = EXISTS_PATTERN.exec(text);
  if (exists) {
    const [, negated, key] = exists;
    return negated ? labels => !(key in labels) : labels => key in labels;
  }
  throw new Error(`unable to parse label selector requirement "${text}"`);
}
