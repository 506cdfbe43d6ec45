import { choiceOperator, type ChoiceComparison, type ChoiceOperandType, type ResolvedChoiceOperator } from '../../asl/choice-operators';
import type { Json, JsonPathChoiceRule } from '../../asl/types';
import { preparePath, MISSING, type PreparedPath, type PathScope } from '../jsonpath/evaluate-path';
import { invalidConditionPathError } from './choice-errors';
import { prepareStringMatches } from './string-matches';
import { compareInstants, isTimestamp, parseTimestamp, type Instant } from './timestamp';

/** A Choice rule prepared once per definition, evaluated on every visit. */
export type PreparedChoiceRule = (scope: PathScope) => boolean;

/** Fields of a rule that are not its operator. */
const NON_OPERATOR_FIELDS = new Set(['Variable', 'Next', 'Assign', 'Comment', 'And', 'Or', 'Not']);

/**
 * Prepares a JSONPath Choice rule (a data-test expression or `And`/`Or`/`Not`) into a predicate over
 * the state's effective input, context object and variables. Paths, literals, timestamps and
 * `StringMatches` patterns are prepared here, so evaluation only reads and compares.
 *
 * Evaluation semantics (recorded on AWS): a value of the wrong type makes the test false; a
 * `Variable` (or `...Path` operand) that selects nothing raises `States.Runtime`, except for
 * `IsPresent`; `And`/`Or` short-circuit in order.
 *
 * Throws an `Error` naming the rule when the rule itself is malformed (the validator rejects these
 * before anything runs).
 *
 * @example
 * const isAdult = prepareChoiceRule({ Variable: '$.age', NumericGreaterThanEquals: 18, Next: 'Adult' });
 * isAdult({ input: { age: 20 }, context: {}, variable: () => undefined }); // true
 */
export function prepareChoiceRule(rule: JsonPathChoiceRule): PreparedChoiceRule {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) {
    throw new Error(`A Choice rule must be an object, got ${JSON.stringify(rule)}`);
  }
  if (rule.And !== undefined) return prepareAnd(prepareRuleList(rule.And, 'And', rule));
  if (rule.Or !== undefined) return prepareOr(prepareRuleList(rule.Or, 'Or', rule));
  if (rule.Not !== undefined) return prepareNot(prepareChoiceRule(rule.Not));
  return prepareDataTest(rule);
}

function prepareRuleList(rules: unknown, field: string, rule: JsonPathChoiceRule): PreparedChoiceRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new Error(`Choice rule ${describe(rule)}: '${field}' must be a non-empty array of rules`);
  }
  return rules.map((inner) => prepareChoiceRule(inner as JsonPathChoiceRule));
}

function prepareAnd(rules: PreparedChoiceRule[]): PreparedChoiceRule {
  if (rules.length === 1) return rules[0];
  return (scope) => {
    for (let i = 0; i < rules.length; i++) if (!rules[i](scope)) return false;
    return true;
  };
}

function prepareOr(rules: PreparedChoiceRule[]): PreparedChoiceRule {
  if (rules.length === 1) return rules[0];
  return (scope) => {
    for (let i = 0; i < rules.length; i++) if (rules[i](scope)) return true;
    return false;
  };
}

function prepareNot(rule: PreparedChoiceRule): PreparedChoiceRule {
  return (scope) => !rule(scope);
}

function prepareDataTest(rule: JsonPathChoiceRule): PreparedChoiceRule {
  const operator = findOperator(rule);
  const variable = rule.Variable;
  if (typeof variable !== 'string') {
    throw new Error(`Choice rule ${describe(rule)}: '${operator.field}' needs a 'Variable' path`);
  }
  const readVariable = prepareRulePath(variable, rule, 'Variable');
  const operand = rule[operator.field] as Json;

  if (operator.valueType === 'is-test') {
    if (typeof operand !== 'boolean') {
      throw new Error(`Choice rule ${describe(rule)}: '${operator.field}' must be true or false`);
    }
    return prepareTypeTest(operator.comparison, operand, readVariable, variable);
  }
  if (operator.comparison === 'matches') {
    if (typeof operand !== 'string') {
      throw new Error(`Choice rule ${describe(rule)}: 'StringMatches' must be a string pattern`);
    }
    const matches = prepareStringMatches(operand);
    return (scope) => {
      const value = readRequired(readVariable, scope, variable);
      return typeof value === 'string' && matches(value);
    };
  }

  const kind = VALUE_KINDS[operator.valueType];
  const holds = COMPARISON_HOLDS[operator.comparison];
  if (!holds) throw new Error(`Choice operator '${operator.field}' has no comparison`);

  if (operator.isPathVariant) {
    if (typeof operand !== 'string') {
      throw new Error(`Choice rule ${describe(rule)}: '${operator.field}' must be a path string`);
    }
    const readOperand = prepareRulePath(operand, rule, operator.field);
    return (scope) => {
      const left = kind.read(readRequired(readVariable, scope, variable));
      const right = kind.read(readRequired(readOperand, scope, operand));
      return left !== undefined && right !== undefined && holds(kind.compare(left, right));
    };
  }

  const literal = kind.read(operand);
  if (literal === undefined) {
    throw new Error(
      `Choice rule ${describe(rule)}: '${operator.field}' must be ${kind.description}, got ${JSON.stringify(operand)}`,
    );
  }
  return (scope) => {
    const left = kind.read(readRequired(readVariable, scope, variable));
    return left !== undefined && holds(kind.compare(left, literal));
  };
}

function findOperator(rule: JsonPathChoiceRule): ResolvedChoiceOperator {
  let found: ResolvedChoiceOperator | undefined;
  for (const field in rule) {
    if (NON_OPERATOR_FIELDS.has(field)) continue;
    const operator = choiceOperator(field);
    if (!operator) throw new Error(`Choice rule ${describe(rule)}: unknown field '${field}'`);
    if (found) throw new Error(`Choice rule ${describe(rule)}: more than one operator ('${found.field}', '${field}')`);
    found = operator;
  }
  if (!found) throw new Error(`Choice rule ${describe(rule)}: no comparison operator, and no And/Or/Not`);
  return found;
}

function prepareRulePath(path: string, rule: JsonPathChoiceRule, field: string): PreparedPath {
  try {
    return preparePath(path);
  } catch (thrown) {
    throw new Error(`Choice rule ${describe(rule)}: '${field}' is not a valid path: ${(thrown as Error).message}`);
  }
}

/** Reads a path that must select something (every operator but `IsPresent`). */
function readRequired(read: PreparedPath, scope: PathScope, path: string): Json {
  const value = read(scope);
  if (value === MISSING) throw invalidConditionPathError(path);
  return value;
}

function prepareTypeTest(
  comparison: ChoiceComparison,
  expected: boolean,
  readVariable: PreparedPath,
  variable: string,
): PreparedChoiceRule {
  if (comparison === 'isPresent') return (scope) => (readVariable(scope) !== MISSING) === expected;
  const test = TYPE_TESTS[comparison];
  if (!test) throw new Error(`Choice operator '${comparison}' is not a type test`);
  return (scope) => test(readRequired(readVariable, scope, variable)) === expected;
}

const TYPE_TESTS: Partial<Record<ChoiceComparison, (value: Json) => boolean>> = {
  isNull: (value) => value === null,
  isNumeric: (value) => typeof value === 'number',
  isString: (value) => typeof value === 'string',
  isBoolean: (value) => typeof value === 'boolean',
  isTimestamp: (value) => typeof value === 'string' && isTimestamp(value),
};

/** How an operand type reads a JSON value (`undefined`: wrong type) and orders two of them. */
interface ValueKind<T> {
  readonly description: string;
  read(value: Json): T | undefined;
  compare(left: T, right: T): number;
}

// Strings compare by UTF-16 code units, like Java's compareTo: JS relational operators do exactly that.
const stringKind: ValueKind<string> = {
  description: 'a string',
  read: (value) => (typeof value === 'string' ? value : undefined),
  compare: (left, right) => (left < right ? -1 : left > right ? 1 : 0),
};

const numberKind: ValueKind<number> = {
  description: 'a number',
  read: (value) => (typeof value === 'number' ? value : undefined),
  compare: (left, right) => (left < right ? -1 : left > right ? 1 : 0),
};

const booleanKind: ValueKind<boolean> = {
  description: 'a boolean',
  read: (value) => (typeof value === 'boolean' ? value : undefined),
  compare: (left, right) => (left === right ? 0 : 1),
};

const timestampKind: ValueKind<Instant> = {
  description: "a timestamp such as '2016-08-18T17:33:00Z'",
  read: (value) => (typeof value === 'string' ? parseTimestamp(value) : undefined),
  compare: compareInstants,
};

const VALUE_KINDS: Record<Exclude<ChoiceOperandType, 'is-test'>, ValueKind<unknown>> = {
  string: stringKind as ValueKind<unknown>,
  number: numberKind as ValueKind<unknown>,
  boolean: booleanKind as ValueKind<unknown>,
  timestamp: timestampKind as ValueKind<unknown>,
};

const COMPARISON_HOLDS: Partial<Record<ChoiceComparison, (order: number) => boolean>> = {
  equals: (order) => order === 0,
  lessThan: (order) => order < 0,
  greaterThan: (order) => order > 0,
  lessThanEquals: (order) => order <= 0,
  greaterThanEquals: (order) => order >= 0,
};

function describe(rule: JsonPathChoiceRule): string {
  const text = JSON.stringify(rule);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
