/**
 * The error names the Step Functions API answers with (`@aws-sdk/client-sfn`'s exception classes,
 * plus the generic ones every AWS JSON service shares). The SDK turns the name back into the
 * matching exception class, so clients can `instanceof` them exactly as against AWS.
 */
export type ApiErrorName =
  | 'ActivityDoesNotExist'
  | 'ActivityAlreadyExists'
  | 'ConflictException'
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'ExecutionNotRedrivable'
  | 'InvalidArn'
  | 'InvalidDefinition'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'MissingRequiredParameter'
  | 'ResourceNotFound'
  | 'StateMachineAlreadyExists'
  | 'StateMachineDoesNotExist'
  | 'StateMachineTypeNotSupported'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'TooManyTags'
  | 'ValidationException'
  | 'SerializationException'
  | 'UnknownOperationException'
  | 'InternalFailure';

/**
 * A rejected call: `name` is AWS's error code, `message` AWS's wording where known. Thrown by
 * action handlers; the server renders it as AWS does (HTTP 400, `__type` and `message`).
 *
 * @example
 * throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorName,
    message: string,
    /** 400 for the caller's mistakes (AWS's choice for every modelled error), 500 for ours. */
    readonly status: number = code === 'InternalFailure' ? 500 : 400,
  ) {
    super(message);
    this.name = code;
  }
}
