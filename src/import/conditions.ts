/** Choice rules → `eq(s.status, 0)`, `and(...)`, `numeric.gt(s.a, s.b)`, `isPresent(s.x, false)`, JSONata conditions. */
import { ts } from 'ts-morph';
import { choiceOperator, isChoiceOperatorField } from '../asl/choice-operators';
import { call, id, json, member, type Expression } from './code';
import type { LeafType } from './shape';
import { jsonataExpr, jsonataText, pathValue, type ValueScope } from './values';

const LEAF: Record<string, LeafType | undefined> = { string: 'string', number: 'number', boolean: 'boolean', timestamp: 'string', 'is-test': undefined };
const SHORT: Record<string, string> = { equals: 'eq', lessThan: 'lt', greaterThan: 'gt', lessThanEquals: 'lte', greaterThanEquals: 'gte' };
const FAMILY: Record<string, string> = { string: 'string', number: 'numeric', boolean: 'boolean', timestamp: 'timestamp' };

/** A JSONPath rule body (`Variable` + operator, or `And`/`Or`/`Not`) as a Condition expression; `undefined` when it has another shape. */
export function jsonPathCondition(rule: Record<string, unknown>, scope: ValueScope): Expression | undefined {
  const use = (name: string) => id(scope.cx.use(name));
  for (const [key, helper] of [['And', 'and'], ['Or', 'or']] as const) {
    if (Array.isArray(rule[key])) {
      const parts = (rule[key] as Record<string, unknown>[]).map((inner) => nested(inner, scope));
      if (parts.length === 0 || parts.some((part) => !part)) return undefined;
      return call(use(helper), parts as Expression[]);
    }
  }
  if (rule.Not && typeof rule.Not === 'object') {
    const inner = nested(rule.Not as Record<string, unknown>, scope);
    return inner && call(use('not'), [inner]);
  }
  const field = Object.keys(rule).find(isChoiceOperatorField);
  const operator = field && choiceOperator(field);
  if (!operator || typeof rule.Variable !== 'string') return undefined;
  const leaf = LEAF[operator.valueType];
  const variable = pathValue(rule.Variable, scope, leaf).expr;
  const operand = rule[operator.field];
  if (operator.isPathVariant) {
    if (typeof operand !== 'string') return undefined;
    const other = pathValue(operand, scope, leaf).expr;
    return call(member(use(FAMILY[operator.valueType]), SHORT[operator.comparison]), [variable, other]);
  }
  if (operator.valueType === 'is-test') {
    const name = operator.comparison;
    return call(use(name), operand === true ? [variable] : [variable, json(operand)]);
  }
  if (operator.comparison === 'matches') return call(use('matches'), [variable, json(operand)]);
  if (operator.valueType === 'timestamp') return call(member(use('timestamp'), SHORT[operator.comparison]), [variable, json(operand)]);
  return call(use(SHORT[operator.comparison]), [variable, json(operand)]);
}

/** A JSONata `Condition` as a `jsonata<boolean>` expression, or `undefined` when it would not print back the same. */
export function jsonataCondition(condition: unknown, scope: ValueScope): Expression | undefined {
  if (typeof condition === 'boolean') return condition ? ts.factory.createTrue() : ts.factory.createFalse();
  const text = jsonataText(condition);
  return text === undefined ? undefined : jsonataExpr(text, scope, 'boolean');
}

export const isFalse = (node: Expression): boolean => node.kind === ts.SyntaxKind.FalseKeyword;

/** A rule inside And/Or/Not: its `Comment`, if any, through `commented(...)`. */
function nested(rule: Record<string, unknown>, scope: ValueScope): Expression | undefined {
  const { Comment: comment, ...body } = rule;
  const condition = jsonPathCondition(body, scope);
  return condition && typeof comment === 'string' ? call(id(scope.cx.use('commented')), [condition, json(comment)]) : condition;
}
