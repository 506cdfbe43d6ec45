/**
 * The error names Step Functions itself raises or matches. Used by the DSL (typed `ErrorEquals`),
 * the validator and the interpreter, so one list keeps them in step.
 */
export const STATES_ERROR_NAMES = [
  'States.ALL',
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.Permissions',
  'States.DataLimitExceeded',
  'States.Runtime',
  'States.QueryEvaluationError',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.Http.Socket',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.ResultPathMatchFailure',
  'States.IntrinsicFailure',
] as const;

/** A predefined `States.*` error name. */
export type StatesErrorName = (typeof STATES_ERROR_NAMES)[number];

/** True for a predefined `States.*` error name. */
export function isStatesErrorName(name: string): name is StatesErrorName {
  return (STATES_ERROR_NAMES as readonly string[]).includes(name);
}
