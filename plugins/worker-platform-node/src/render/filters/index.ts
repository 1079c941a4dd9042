import { actionsText } from './actionsText';
import { dockerfileString } from './dockerfileString';
import { expressionString } from './expressionString';
import { jsonString } from './jsonString';
import { markdownText } from './markdownText';
import { pythonString } from './pythonString';
import { shellQuote } from './shellQuote';
import { yamlString } from './yamlString';

/**
 * Every filter the blueprints may use, by the name they use it under. Each
 * one makes a value safe for one kind of text; a blueprint picks the filter
 * of the file (and position) it writes into.
 */
export const blueprintFilters: Record<string, (value: unknown) => string> = {
  actionsText,
  dockerfileString,
  expressionString,
  jsonString,
  markdownText,
  pythonString,
  shellQuote,
  yamlString,
};
