/**
 * The JSONPath Choice comparison operators (ASL "Choice Rules"), as one table shared by the
 * validator, the choice evaluator and the DSL, so the three can never disagree on a name.
 *
 * @example
 * ```ts
 * import { choiceOperator } from './choice-operators';
 * choiceOperator('NumericLessThanPath'); // { name: 'NumericLessThan', valueType: 'number', hasPathVariant: true, isPathVariant: true, ... }
 * ```
 */

/** What the literal operand of an operator must be. `is-test`: a boolean the type test's result is compared to. */
export type ChoiceOperandType = 'string' | 'number' | 'boolean' | 'timestamp' | 'is-test';

/** How two values compare: `StringEquals` → `equals`, `NumericLessThan` → `lessThan`, ... */
export type ChoiceComparison =
  | 'equals'
  | 'lessThan'
  | 'greaterThan'
  | 'lessThanEquals'
  | 'greaterThanEquals'
  | 'matches'
  | 'isNull'
  | 'isPresent'
  | 'isNumeric'
  | 'isString'
  | 'isBoolean'
  | 'isTimestamp';

export interface ChoiceOperatorInfo {
  /** Base operator name, e.g. `StringEquals`. */
  readonly name: string;
  /** Literal operand type (for the `...Path` variant the operand is a path instead). */
  readonly valueType: ChoiceOperandType;
  /** Whether `${name}Path` exists (its operand is a path whose value is compared). */
  readonly hasPathVariant: boolean;
  readonly comparison: ChoiceComparison;
}

function operator(name: string, valueType: ChoiceOperandType, comparison: ChoiceComparison, hasPathVariant: boolean): ChoiceOperatorInfo {
  return Object.freeze({ name, valueType, comparison, hasPathVariant });
}

const ORDERED: readonly [string, ChoiceComparison][] = [
  ['Equals', 'equals'],
  ['LessThan', 'lessThan'],
  ['GreaterThan', 'greaterThan'],
  ['LessThanEquals', 'lessThanEquals'],
  ['GreaterThanEquals', 'greaterThanEquals'],
];

/** Every base operator (without the `Path` suffix), in the order the ASL spec lists them. */
export const CHOICE_OPERATORS: readonly ChoiceOperatorInfo[] = Object.freeze([
  ...ORDERED.map(([suffix, comparison]) => operator(`String${suffix}`, 'string', comparison, true)),
  operator('StringMatches', 'string', 'matches', false),
  ...ORDERED.map(([suffix, comparison]) => operator(`Numeric${suffix}`, 'number', comparison, true)),
  operator('BooleanEquals', 'boolean', 'equals', true),
  ...ORDERED.map(([suffix, comparison]) => operator(`Timestamp${suffix}`, 'timestamp', comparison, true)),
  operator('IsNull', 'is-test', 'isNull', false),
  operator('IsPresent', 'is-test', 'isPresent', false),
  operator('IsNumeric', 'is-test', 'isNumeric', false),
  operator('IsString', 'is-test', 'isString', false),
  operator('IsBoolean', 'is-test', 'isBoolean', false),
  operator('IsTimestamp', 'is-test', 'isTimestamp', false),
]);

/** A field name of a data-test rule resolved against the table. */
export interface ResolvedChoiceOperator extends ChoiceOperatorInfo {
  /** The field name as written in the rule, e.g. `NumericLessThanPath`. */
  readonly field: string;
  /** True for a `...Path` field: the operand is a path, not a literal. */
  readonly isPathVariant: boolean;
}

const BY_FIELD: ReadonlyMap<string, ResolvedChoiceOperator> = new Map(
  CHOICE_OPERATORS.flatMap((op): [string, ResolvedChoiceOperator][] => {
    const literal: [string, ResolvedChoiceOperator] = [op.name, Object.freeze({ ...op, field: op.name, isPathVariant: false })];
    if (!op.hasPathVariant) return [literal];
    const pathField = `${op.name}Path`;
    return [literal, [pathField, Object.freeze({ ...op, field: pathField, isPathVariant: true })]];
  }),
);

/** Every field name that is a comparison operator (`StringEquals`, `StringEqualsPath`, ...). */
export const CHOICE_OPERATOR_FIELDS: readonly string[] = Object.freeze([...BY_FIELD.keys()]);

/** Looks up a rule field name (literal or `...Path`); `undefined` when it is not an operator. */
export function choiceOperator(field: string): ResolvedChoiceOperator | undefined {
  return BY_FIELD.get(field);
}

/** True when `field` names a comparison operator (literal or `...Path` variant). */
export function isChoiceOperatorField(field: string): boolean {
  return BY_FIELD.has(field);
}
