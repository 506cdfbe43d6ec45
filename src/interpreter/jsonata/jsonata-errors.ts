import type { Json } from '../../asl/types';
import { queryEvaluationError, type StatesError } from '../errors';
import { withEvaluationLocation } from './evaluation-location';

/**
 * `States.QueryEvaluationError`s worded as AWS words them (recorded causes). `expression` is the
 * text between `{%` and `%}`, trimmed; `field` the location in the state, `/` before an object key
 * and `[i]` for an array index (`Output/error`, `Arguments/Payload/items[0]`, `Choices[1]/Condition`).
 * The engine adds AWS's "An error occurred while executing the state ..." prefix.
 */
function prefix(expression: string, field: string): string {
  return `The JSONata expression '${expression}' specified for the field '${field}'`;
}

// Every error worded for a field also carries it as the `EvaluationFailed` event's `location`.
function failure(cause: string, field: string): StatesError {
  return withEvaluationLocation(queryEvaluationError(cause), field);
}

/** The expression evaluated to `undefined` (JSON cannot hold it). */
export function returnedNothingError(expression: string, field: string): StatesError {
  return failure(`${prefix(expression, field)} returned nothing (undefined).`, field);
}

/** The expression evaluated to something that is not JSON (a function). */
export function unsupportedResultTypeError(expression: string, field: string): StatesError {
  return failure(`${prefix(expression, field)} returned an unsupported result type.`, field);
}

/**
 * The expression evaluated to JSON of the wrong type for its field (e.g. `Items` must be an array,
 * `Condition` a boolean).
 *
 * @example
 * unexpectedResultTypeError('true', 'Items', 'array', true).cause;
 * // "The JSONata expression 'true' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'boolean' for value: true"
 */
export function unexpectedResultTypeError(expression: string, field: string, expected: JsonTypeName, value: Json): StatesError {
  return failure(
    `${prefix(expression, field)} returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`,
    field,
  );
}

/**
 * JSONata raised an error while evaluating (a type error such as `1 + "a"`, a failed function):
 * AWS appends the JSONata error code and message.
 *
 * @example
 * evaluationError('1 + "a"', 'Output', 'T2002', 'The right side of the "+" operator must evaluate to a number').cause;
 * // 'The JSONata expression \'1 + "a"\' specified for the field \'Output\' threw an error during evaluation. T2002: The right side ...'
 */
export function evaluationError(expression: string, field: string, code: string | undefined, message: string): StatesError {
  const detail = code ? `${code}: ${message}` : message;
  return failure(`${prefix(expression, field)} threw an error during evaluation. ${detail}`, field);
}

export type JsonTypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** The JSON type name AWS uses in causes. */
export function jsonTypeName(value: Json): JsonTypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}
