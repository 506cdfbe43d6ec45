import type { Json } from '../../asl/types';
import { expectString } from './argument-checks';
import { invalidArguments } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';

const FN = 'States.Format';

/**
 * `States.Format(template, v1, …)`: each `{}` takes the next value. In the template `\{`, `\}`,
 * `\'` and `\\` are literal characters; any other `{` or `}` is an error, as is a count of `{}`
 * different from the count of values.
 */
export const formatFunctions: Record<string, IntrinsicFunction> = {
  [FN]: {
    rawLiteralPositions: [0],
    evaluate([template, ...values]) {
      const parts = splitTemplate(expectString(FN, 1, template));
      const placeholders = parts.length - 1;
      if (placeholders !== values.length) {
        throw invalidArguments(FN, `the template has ${placeholders} {} placeholder(s) but ${values.length} value(s) were given`);
      }
      let result = parts[0];
      for (let i = 0; i < values.length; i++) result += renderFormatValue(values[i]) + parts[i + 1];
      return result;
    },
  },
};

/** The literal text around the `{}` placeholders, escapes resolved. */
function splitTemplate(template: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && i + 1 < template.length) {
      current += template[++i];
    } else if (ch === '{') {
      if (template[i + 1] !== '}') throw invalidArguments(FN, "matching '}' not found for '{' in the template");
      parts.push(current);
      current = '';
      i++;
    } else if (ch === '}') {
      throw invalidArguments(FN, "unmatched '}' in the template (write \\} for a literal brace)");
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * How AWS (Java) prints a value into the template: strings raw, scalars as JSON text, objects
 * and arrays as Java's `Map`/`List` `toString()` — recorded: `{Arg1=1, Arg2=[]}`.
 */
export function renderFormatValue(value: Json): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(renderFormatValue).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}=${renderFormatValue(item)}`)
    .join(', ')}}`;
}
