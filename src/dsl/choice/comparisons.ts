import type { Expr } from '../values/expr';
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

function family(value: unknown): 'String' | 'Numeric' | 'Boolean' {
  if (typeof value === 'number') return 'Numeric';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** True when the value at `variable` equals `value` (family from the literal's type): `eq(s.total, 100)`. */
export function eq<T extends Comparable | boolean>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value)}Equals`, variable, value);
}
/** True when the value at `variable` is less than `value` (family from the literal's type): `lt(s.total, 100)`. */
export function lt<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value)}LessThan`, variable, value);
}
/** True when the value at `variable` is less than or equal to `value` (family from the literal's type): `lte(s.total, 100)`. */
export function lte<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value)}LessThanEquals`, variable, value);
}
/** True when the value at `variable` is greater than `value` (family from the literal's type): `gt(s.total, 100)`. */
export function gt<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value)}GreaterThan`, variable, value);
}
/** True when the value at `variable` is greater than or equal to `value` (family from the literal's type): `gte(s.total, 100)`. */
export function gte<T extends Comparable>(variable: Expr<T>, value: T): Condition {
  return compare(`${family(value)}GreaterThanEquals`, variable, value);
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
export const isNull = (variable: Expr<unknown>, expected = true): Condition => compare('IsNull', variable, expected);
export const isNumeric = (variable: Expr<unknown>, expected = true): Condition => compare('IsNumeric', variable, expected);
export const isString = (variable: Expr<unknown>, expected = true): Condition => compare('IsString', variable, expected);
export const isBoolean = (variable: Expr<unknown>, expected = true): Condition => compare('IsBoolean', variable, expected);
export const isTimestamp = (variable: Expr<unknown>, expected = true): Condition => compare('IsTimestamp', variable, expected);

export function and(...conditions: [Condition, ...Condition[]]): Condition {
  return makeCondition({ kind: 'and', conditions: Object.freeze(conditions.map(conditionNode)) });
}
export function or(...conditions: [Condition, ...Condition[]]): Condition {
  return makeCondition({ kind: 'or', conditions: Object.freeze(conditions.map(conditionNode)) });
}
export function not(condition: Condition): Condition {
  return makeCondition({ kind: 'not', condition: conditionNode(condition) });
}
