import { StatesError } from '../errors';
import { carryEvaluationLocation } from '../jsonata/evaluation-location';
import type { StateVisit } from '../engine/runtime';

// Errors already attributed to a state (or coming from a task/child), so they are worded once.
const located = new WeakSet<StatesError>();

// Evaluation failures AWS reports with the state and entry event prefixed to the cause.
const EVALUATION_ERRORS = new Set(['States.Runtime', 'States.QueryEvaluationError', 'States.IntrinsicFailure']);

/** Marks an error as already worded (task failures, errors bubbling out of a branch). */
export function markLocated(error: StatesError): StatesError {
  located.add(error);
  return error;
}

/**
 * Words an evaluation failure as AWS does:
 * `An error occurred while executing the state 'X' (entered at the event id #2). <detail>`.
 */
export function locateError(error: StatesError, visit: StateVisit): StatesError {
  if (located.has(error) || error.error === null || !EVALUATION_ERRORS.has(error.error)) return markLocated(error);
  const prefix = `An error occurred while executing the state '${visit.name}' (entered at the event id #${visit.enteredEventId}).`;
  const cause = error.cause ? `${prefix} ${error.cause}` : prefix;
  return markLocated(carryEvaluationLocation(error, new StatesError(error.error, cause)));
}
