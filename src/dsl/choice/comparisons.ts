import { isExpr, type Expr } from '../values/expr';
import { DslUsageError } from '../errors/dsl-usage-error';
import { compare, conditionNode, makeCondition, type Condition } from './condition';

/**
 * Typed Choice comparisons. The generic helpers (`eq`, `lt`, `gt`, ...) compare a path with a
 * literal and pick the ASL operator family from the literal's type (`gt(s.total, 1000)` →
 * `NumericGreaterThan`). To compare two paths, or timestamps, use the family namespaces
 * (`numeric.gt(s.a, s.b)` → `NumericGreaterThanPath`, `timestamp.lt(s.due, '2025-01-01T00:00:00Z')`).
 *
 * @example
 * c.when(s => and(gt(s.order.total, 1000), eq(s.order.country, 'FR')), review)
 */
type Comparable = string | number;

/**
 * The operator family of a generic comparison, from its literal operand. A path or variable on the
 * right says nothing about its type at run time (`gt(s.amount, s.quantity)` would silently become
 * `StringGreaterThanPath` and take the wrong branch), so it is refused, naming the typed helpers.
 */
function family(value: unknown, helper: string): 'String' | 'Numeric' | 'Boolean' {
  if (typeof value === 'number') return 'Numeric';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return 'String';
  throw new DslUsageError(
    `${helper}(…) compares a path with a literal (a number, string or boolean), not with ${isExpr(value) ? 'another path or a variable' : JSON.stringify(value)}. ` +
      `To compare two values, say their kind: numeric.${helper}(a, b), string.${helper}(a, b), timestamp.${helper}(a, b)${helper === 'eq' ? ' or boolean.eq(a, b)' : ''} (they emit the …Path operators).`,
  );
}

/** True when the value at `variable` equals `value` (family from the literal's type): `eq(s.total, 100)`. */
export function eq<T extends Comparable | boolean>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value, 'eq')}Equals`, variable, value);
}
/** True when the value at `variable` is less than `value` (family from the literal's type): `lt(s.total, 100)`. */
export function lt<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value, 'lt')}LessThan`, variable, value);
}
/** True when the value at `variable` is less than or equal to `value` (family from the literal's type): `lte(s.total, 100)`. */
export function lte<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value, 'lte')}LessThanEquals`, variable, value);
}
/** True when the value at `variable` is greater than `value` (family from the literal's type): `gt(s.total, 100)`. */
export function gt<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value, 'gt')}GreaterThan`, variable, value);
}
/** True when the value at `variable` is greater than or equal to `value` (family from the literal's type): `gte(s.total, 100)`. */
export function gte<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value, 'gte')}GreaterThanEquals`, variable, value);
}

interface ComparisonFamily<T> {
  eq(variable: Expr<T>, value: T | Expr<T>): Condition;
  lt(variable: Expr<T>, value: T | Expr<T>): Condition;
  lte(variable: Expr<T>, value: T | Expr<T>): Condition;
  gt(variable: Expr<T>, value: T | Expr<T>): Condition;
  gte(variable: Expr<T>, value: T | Expr<T>): Condition;
}

function comparisonFamily<T>(prefix: 'String' | 'Numeric' | 'Timestamp'): ComparisonFamily<T> {
  return Object.freeze({
    eq: (variable: Expr<T>, value: T | Expr<T>) => compare(`${prefix}Equals`, variable, value),
    lt: (variable: Expr<T>, value: T | Expr<T>) => compare(`${prefix}LessThan`, variable, value),
    lte: (variable: Expr<T>, value: T | Expr<T>) => compare(`${prefix}LessThanEquals`, variable, value),
    gt: (variable: Expr<T>, value: T | Expr<T>) => compare(`${prefix}GreaterThan`, variable, value),
    gte: (variable: Expr<T>, value: T | Expr<T>) => compare(`${prefix}GreaterThanEquals`, variable, value),
  });
}

/** String comparisons; the operand may be a literal or another path (`StringEqualsPath`, ...). */
export const string: ComparisonFamily<string> & { matches(variable: Expr<string>, pattern: string): Condition } =
  Object.freeze({ ...comparisonFamily<string>('String'), matches });
/** Numeric comparisons; the operand may be a literal or another path. */
export const numeric: ComparisonFamily<number> = comparisonFamily<number>('Numeric');
/** Timestamp comparisons (RFC 3339 strings); the operand may be a literal or another path. */
export const timestamp: ComparisonFamily<string> = comparisonFamily<string>('Timestamp');
/** Boolean equality; the operand may be a literal or another path. */
export const boolean = Object.freeze({
  eq: (variable: Expr<boolean>, value: boolean | Expr<boolean>): Condition => compare('BooleanEquals', variable, value),
});

/** `StringMatches`: `*` matches any run of characters; `\\*` is a literal star. */
export function matches(variable: Expr<string>, pattern: string): Condition {
  return compare('StringMatches', variable, pattern);
}

/** Type tests. The optional `expected` negates the test when `false` (`IsPresent: false`). */
export const isPresent = (variable: Expr<unknown>, expected = true): Condition => compare('IsPresent', variable, expected);
/** A condition on whether the value is `null` (ASL `IsNull`; pass `false` for "is not null"). */
export const isNull = (variable: Expr<unknown>, expected = true): Condition => compare('IsNull', variable, expected);
/** A condition on whether the value is a number (ASL `IsNumeric`). */
export const isNumeric = (variable: Expr<unknown>, expected = true): Condition => compare('IsNumeric', variable, expected);
/** A condition on whether the value is a string (ASL `IsString`). */
export const isString = (variable: Expr<unknown>, expected = true): Condition => compare('IsString', variable, expected);
/** A condition on whether the value is a boolean (ASL `IsBoolean`). */
export const isBoolean = (variable: Expr<unknown>, expected = true): Condition => compare('IsBoolean', variable, expected);
/** A condition on whether the value is an RFC 3339 timestamp string (ASL `IsTimestamp`). */
export const isTimestamp = (variable: Expr<unknown>, expected = true): Condition => compare('IsTimestamp', variable, expected);

/** A condition that holds when all of `conditions` hold (ASL `And`). */
export function and(...conditions: [Condition, ...Condition[]]): Condition {
  return makeCondition({ kind: 'and', conditions: Object.freeze(conditions.map(conditionNode)) });
}
/** A condition that holds when any of `conditions` holds (ASL `Or`). */
export function or(...conditions: [Condition, ...Condition[]]): Condition {
  return makeCondition({ kind: 'or', conditions: Object.freeze(conditions.map(conditionNode)) });
}
/** A condition that holds when `condition` does not (ASL `Not`). */
/**
 * A JSONPath rule's `Comment` on a condition nested in `and`/`or`/`not` (a top-level rule's comment
 * is the `comment` option of `.when`).
 *
 * @example
 * c.when((s) => and(commented(eq(s.status, 'ok'), 'the happy path'), isPresent(s.id)), 'Done')
 */
export function commented(condition: Condition, comment: string): Condition {
  const node = conditionNode(condition);
  if (node.kind === 'jsonata') throw new DslUsageError('commented(...) applies to JSONPath comparisons; a JSONata condition has no nested rules.');
  return makeCondition({ ...node, comment });
}

/**
 * The negation of a condition (ASL `Not`; `!(…)` in JSONata).
 *
 * @example
 * c.when((s) => not(eq(s.status, 'cancelled')), 'Ship')
 */
export function not(condition: Condition): Condition {
  return makeCondition({ kind: 'not', condition: conditionNode(condition) });
}
