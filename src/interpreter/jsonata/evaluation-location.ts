import type { StatesError } from '../errors';

// Kept beside the error rather than inside its cause, which AWS words independently.
const locations = new WeakMap<StatesError, string>();

/**
 * Tags a `States.QueryEvaluationError` with the field that failed, as AWS's `EvaluationFailed`
 * event reports it in `location` (`Arguments`, `Output/error`, `Choices[1]/Condition`,
 * `Catch[0]/Output`). Returns the same error.
 *
 * @example
 * throw withEvaluationLocation(queryEvaluationError('...'), 'Seconds');
 */
export function withEvaluationLocation(error: StatesError, location: string): StatesError {
  locations.set(error, location);
  return error;
}

/** The failed field of a JSONata evaluation error, or `undefined` when it has none. */
export function evaluationLocation(error: StatesError): string | undefined {
  return locations.get(error);
}

/** Keeps the location when an error is re-worded into a new `StatesError` (e.g. prefixed with the state). */
export function carryEvaluationLocation(from: StatesError, to: StatesError): StatesError {
  const location = locations.get(from);
  if (location !== undefined) locations.set(to, location);
  return to;
}
