import { makeIntegration, type LambdaFunction, type LambdaServiceError, type TaskIntegration } from '../../src/dsl/index';

/**
 * A Task whose `Resource` is the function's ARN and whose event is the state input as is (no
 * `Parameters`), the way the original AWS samples call their functions.
 *
 * `lambda.call(fn, payload)` always emits `Parameters`; until it accepts a missing payload (as
 * `runActivity` does) this builds the same integration without one.
 *
 * @example
 * .task('Validate Winners', functionTask(validateWinners), { inputPath: (s) => s.body })
 */
export function functionTask<In, Out, E extends string, S = In>(fn: LambdaFunction<In, Out, E>): TaskIntegration<S, Out, E | LambdaServiceError> {
  return makeIntegration(
    { integration: 'lambda function', resource: fn.arn, pattern: 'request-response', errors: fn.errors },
    undefined,
  );
}
