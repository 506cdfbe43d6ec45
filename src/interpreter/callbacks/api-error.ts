/** The error names the Step Functions API answers bad calls with. */
export type StepFunctionsApiErrorName =
  | 'InvalidToken'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'InvalidOutput'
  | 'ActivityDoesNotExist'
  | 'InvalidArn'
  | 'InvalidName'
  | 'ValidationException'
  // TestState's answers to a bad definition or input.
  | 'InvalidDefinition'
  | 'InvalidExecutionInput';

/**
 * A rejected API call (`SendTaskSuccess`, `GetActivityTask`, ...), named as AWS names it so an
 * HTTP front end can answer with the same error code. `error.name` is the AWS error name.
 *
 * @example
 * try { sfn.sendTaskSuccess(token, '{}'); } catch (e) { if (e instanceof StepFunctionsApiError && e.name === 'TaskTimedOut') ... }
 */
export class StepFunctionsApiError extends Error {
  constructor(
    readonly code: StepFunctionsApiErrorName,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}
