import { choiceOperator, type ChoiceOperandType } from '../../asl/choice-operators';
import type { Json, JsonObject } from '../../asl/types';
import type { ConditionNode } from '../../dsl/ast/states';
import type { ValueNode } from '../../dsl/ast/value';
import { renderPath, type FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { jsonataExpression } from './value-jsonata';

const VARIABLE_SCOPE: FieldScope = { field: 'condition', dollar: 'input', roots: ['input'], afterInputPath: true, referenceOnly: true };

/** A JSONPath Choice rule body (`Variable` + operator, or `And`/`Or`/`Not`). */
export function jsonPathCondition(condition: ConditionNode, context: StateEmitContext): JsonObject {
  const rule = jsonPathRule(condition, context);
  return condition.kind !== 'jsonata' && condition.comment !== undefined ? { ...rule, Comment: condition.comment } : rule;
}

function jsonPathRule(condition: ConditionNode, context: StateEmitContext): JsonObject {
  switch (condition.kind) {
    case 'compare':
      return jsonPathComparison(condition, context);
    case 'and':
      return { And: condition.conditions.map((c) => jsonPathCondition(c, context)) };
    case 'or':
      return { Or: condition.conditions.map((c) => jsonPathCondition(c, context)) };
    case 'not':
      return { Not: jsonPathCondition(condition.condition, context) };
    case 'jsonata':
      report(context, 'condition', `A jsonata\`...\` condition needs a JSONata state; this Choice uses JSONPath. Use the comparison helpers (gt, eq, isPresent, ...) or set queryLanguage: 'JSONata'.`);
      return {};
  }
}

function jsonPathComparison(condition: Extract<ConditionNode, { kind: 'compare' }>, context: StateEmitContext): JsonObject {
  const operator = choiceOperator(condition.operator);
  const Variable = renderPath(condition.variable, VARIABLE_SCOPE, context);
  if (!operator) {
    report(context, 'condition', `'${condition.operator}' is not a Choice operator.`);
    return { Variable };
  }
  const operand = condition.operand;
  if (operand.kind === 'path' || operand.kind === 'rawPath') {
    if (!operator.hasPathVariant) {
      report(context, 'condition', `${operator.name} compares with a literal only (there is no ${operator.name}Path). Pass a literal value.`);
    }
    return { Variable, [`${operator.name}Path`]: renderPath(operand, VARIABLE_SCOPE, context) };
  }
  const value = operand.kind === 'literal' ? operand.value : null;
  if (!operandMatches(operator.valueType, value)) {
    report(context, 'condition', `${operator.name} needs a ${operator.valueType === 'is-test' ? 'boolean' : operator.valueType} operand; got ${JSON.stringify(value)}.`);
  }
  return { Variable, [operator.name]: value };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function operandMatches(type: ChoiceOperandType, value: Json): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
    case 'is-test':
      return typeof value === 'boolean';
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value);
  }
}

const JSONATA_SCOPE: FieldScope = { field: 'condition', dollar: undefined, roots: ['input'] };

/**
 * A JSONata `Condition` expression equivalent to a comparison tree, written as an expert writes
 * it: `$states.input.total > 100`, without `$type(...)` guards.
 *
 * TYPED_OPERANDS: in a JSONata state every compared value is a selector (`s.total`) or a typed
 * variable (a hand-written `jsonPath(...)` is refused there), and the comparison helpers tie its
 * type to the operand's: `gt(s.total, 100)` type-checks only when `s.total` is a number, neither
 * optional nor nullable. So the guard JSONPath's "a type mismatch is false" would need is
 * redundant. Where the types were bypassed (`as never`, an `any` selector, `--no-typecheck`), a
 * value of another type is a JSONata type error (T2009/T2010), which AWS reports as
 * `States.QueryEvaluationError` (asl-reference §2.5, "JSONata type error"): the execution fails
 * loudly instead of silently taking the `otherwise` branch. Equality needs no guard in any case
 * (JSONata's `=` of two types is false, the JSONPath rule's answer). Timestamps keep their test:
 * a string's type says nothing of its being a timestamp.
 */
export function jsonataCondition(condition: ConditionNode, context: StateEmitContext): string {
  const render = (node: ValueNode) => jsonataExpression(node, JSONATA_SCOPE, context);
  switch (condition.kind) {
    case 'and':
      return `(${condition.conditions.map((c) => jsonataCondition(c, context)).join(' and ')})`;
    case 'or':
      return `(${condition.conditions.map((c) => jsonataCondition(c, context)).join(' or ')})`;
    case 'not':
      return `$not(${jsonataCondition(condition.condition, context)})`;
    case 'jsonata':
      return condition.expression.kind === 'literal' ? String(condition.expression.value) : render(condition.expression);
    case 'compare':
      return jsonataComparison(condition, render, context);
  }
}

const RELATION: Record<string, string> = {
  equals: '=',
  lessThan: '<',
  greaterThan: '>',
  lessThanEquals: '<=',
  greaterThanEquals: '>=',
};

const TIMESTAMP_REGEX = '/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/';

function jsonataComparison(
  condition: Extract<ConditionNode, { kind: 'compare' }>,
  render: (node: ValueNode) => string,
  context: StateEmitContext,
): string {
  const operator = choiceOperator(condition.operator);
  if (!operator) {
    report(context, 'condition', `'${condition.operator}' is not a Choice operator.`);
    return 'false';
  }
  const v = render(condition.variable);
  const operand = render(condition.operand);
  const isTimestamp = `($type(${v}) = "string" and $contains(${v}, ${TIMESTAMP_REGEX}))`;
  const test = (expression: string) =>
    condition.operand.kind === 'literal' && condition.operand.value === false ? `$not(${expression})` : expression;
  switch (operator.comparison) {
    case 'isNull':
      return test(`(${v} = null)`);
    case 'isPresent':
      return test(`$exists(${v})`);
    case 'isNumeric':
      return test(`($type(${v}) = "number")`);
    case 'isString':
      return test(`($type(${v}) = "string")`);
    case 'isBoolean':
      return test(`($type(${v}) = "boolean")`);
    case 'isTimestamp':
      return test(isTimestamp);
    case 'matches':
      return `$contains(${v}, ${wildcardRegex(condition.operand)})`;
    default: {
      const relation = RELATION[operator.comparison];
      if (operator.valueType === 'timestamp') {
        // A string's type says nothing of its being a timestamp: the test stays.
        return `(${isTimestamp} and $toMillis(${v}) ${relation} $toMillis(${operand}))`;
      }
      // No `$type(...)` guard: see TYPED_OPERANDS.
      return `${v} ${relation} ${operand}`;
    }
  }
}

// StringMatches: `*` is any run of characters, `\*` a literal star, `\\` a literal backslash.
function wildcardRegex(operand: ValueNode): string {
  const pattern = operand.kind === 'literal' && typeof operand.value === 'string' ? operand.value : '';
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      regex += escapeRegex(pattern[++i]);
    } else if (ch === '*') {
      regex += '.*';
    } else {
      regex += escapeRegex(ch);
    }
  }
  return `/^${regex}$/`;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
