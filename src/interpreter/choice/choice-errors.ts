import { StatesError, runtimeError } from '../errors';

/**
 * The error a Choice state raises when no rule matched and it has no `Default`. AWS reports
 * `States.Runtime` (not the spec's `States.NoChoiceMatched`) with this cause, after the usual
 * "An error occurred while executing the state '<name>' (entered at the event id #<n>). " prefix
 * that the engine adds to every state failure.
 *
 * @example
 * throw noChoiceMatchedError('CheckValues');
 */
export function noChoiceMatchedError(stateName: string): StatesError {
  // AWS's cause does not name the state beyond the engine's prefix; the name is taken so callers
  // need not know that, and so the wording can follow AWS if it ever does.
  void stateName;
  return runtimeError(NO_CHOICE_MATCHED_CAUSE);
}

/** AWS's cause text for a Choice state with no matching rule and no `Default`. */
export const NO_CHOICE_MATCHED_CAUSE = 'Failed to transition out of the state. The state does not point to a next state.';

/**
 * A rule's `Variable` (or the operand path of a `...Path` operator) selects nothing. AWS fails the
 * execution with `States.Runtime`; only `IsPresent` tests a missing path without failing.
 *
 * @example
 * invalidConditionPathError('$.missing');
 * // States.Runtime: Invalid path '$.missing': The choice state's condition path references an invalid value.
 */
export function invalidConditionPathError(path: string): StatesError {
  return runtimeError(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
}
