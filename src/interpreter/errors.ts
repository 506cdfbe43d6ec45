/**
 * A failure inside an execution, named as AWS names it (`States.Runtime`, `States.TaskFailed`, a
 * Lambda's `errorType`, ...). `error` and `cause` are exactly what ends up in the error output
 * `{"Error", "Cause"}`, in `ExecutionFailed` and in the Catch flow; both may be `null` (AWS allows
 * `SendTaskFailure` with neither).
 *
 * Thrown inside the interpreter and caught by the Retry/Catch machinery; never escapes an
 * execution as an exception (an execution ends FAILED with it instead).
 */
export class StatesError extends Error {
  constructor(
    readonly error: string | null,
    override readonly cause?: string | null,
  ) {
    super(cause ?? error ?? 'null');
    this.name = error ?? 'null';
  }

  /** The error output a Catcher receives. A missing cause is omitted, as AWS does. */
  toErrorOutput(): { Error: string | null; Cause?: string | null } {
    return this.cause === undefined ? { Error: this.error } : { Error: this.error, Cause: this.cause };
  }
}

/** `States.Runtime`: not retriable, not catchable (recorded on AWS). */
export function runtimeError(cause: string): StatesError {
  return new StatesError('States.Runtime', cause);
}

/** `States.QueryEvaluationError`: a JSONata failure; retriable and catchable. */
export function queryEvaluationError(cause: string): StatesError {
  return new StatesError('States.QueryEvaluationError', cause);
}

/** Wraps anything thrown by user code (a mock, a handler) into a StatesError. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) return new StatesError(thrown.name || 'Error', thrown.message);
  return new StatesError('Error', String(thrown));
}
