/**
 * A Choice rule as a short readable sentence for an edge label: `$.status == 0`,
 * `$.total > 1000 and $.vip is present`, `$x > 5` (JSONata `{% … %}` unwrapped).
 */
import { choiceOperator, type ChoiceComparison } from '../asl/choice-operators';
import type { Catcher, ChoiceRule, Json } from '../asl/types';

const SYMBOL: Record<ChoiceComparison, string> = {
  equals: '==',
  lessThan: '<',
  greaterThan: '>',
  lessThanEquals: '<=',
  greaterThanEquals: '>=',
  matches: 'matches',
  isNull: 'is null',
  isPresent: 'is present',
  isNumeric: 'is numeric',
  isString: 'is string',
  isBoolean: 'is boolean',
  isTimestamp: 'is timestamp',
};

/** The readable text of a top-level Choice rule (its `Next` and `Assign` left out). */
export function ruleLabel(rule: ChoiceRule): string {
  return render(rule as Record<string, unknown>, true);
}

function render(rule: Record<string, unknown>, top: boolean): string {
  if ('Condition' in rule) return conditionText(rule.Condition);
  const group = (list: unknown, word: string): string => {
    const parts = Array.isArray(list) ? list.map((r) => render(r as Record<string, unknown>, false)) : [];
    const text = parts.join(` ${word} `);
    return top || parts.length < 2 ? text : `(${text})`;
  };
  if (Array.isArray(rule.And)) return group(rule.And, 'and');
  if (Array.isArray(rule.Or)) return group(rule.Or, 'or');
  if (rule.Not && typeof rule.Not === 'object') return `not ${render(rule.Not as Record<string, unknown>, false)}`;
  for (const [field, operand] of Object.entries(rule)) {
    const op = choiceOperator(field);
    if (!op) continue;
    const variable = String(rule.Variable ?? '?');
    if (op.valueType === 'is-test') return operand === false ? `${variable} ${negate(SYMBOL[op.comparison])}` : `${variable} ${SYMBOL[op.comparison]}`;
    const value = op.isPathVariant ? String(operand) : JSON.stringify(operand as Json);
    return `${variable} ${SYMBOL[op.comparison]} ${value}`;
  }
  return '(rule)';
}

function negate(test: string): string {
  return test.replace(/^is /, 'is not ');
}

/** JSONata `{% expr %}` → `expr`; a literal boolean condition as written. */
function conditionText(condition: unknown): string {
  if (typeof condition !== 'string') return String(condition);
  const match = /^\{%([\s\S]*)%\}$/.exec(condition.trim());
  return (match ? match[1] : condition).trim().replace(/\s+/g, ' ');
}

/** A catcher's label: its error names, as written. */
export function catchLabel(catcher: Catcher): string {
  const names = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals : [];
  return names.join(', ');
}
