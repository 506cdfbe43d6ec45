import { INTEGRATIONS } from '../../asl/integrations/catalogue';
import type { CallbackContextObject, ContextObject } from '../context/context-object';
import type { Expr } from '../values/expr';
import {
  evaluatePayload,
  makeIntegration,
  optimizedResource,
  type PayloadArg,
  type ResultSpec,
  type TaskIntegration,
} from './task-integration';
import { toValueNode } from '../values/to-value-node';
import { makeExpr } from '../values/expr';

/** Errors the Lambda service itself raises (besides the function's own `errorType`s), from the catalogue. */
export type LambdaServiceError = (typeof INTEGRATIONS.lambda.errors)[number];

const LAMBDA_SERVICE_ERRORS: readonly LambdaServiceError[] = INTEGRATIONS.lambda.errors;

declare const FUNCTION_TYPES: unique symbol;

/** A Lambda function: its ARN, its input/output types and the error types it throws. */
export interface LambdaFunction<In, Out, E extends string> {
  readonly arn: string;
  readonly errors: readonly E[];
  readonly [FUNCTION_TYPES]?: { input: In; output: Out };
}

/**
 * Declares a Lambda function so tasks calling it are typed: the payload must be `In`, the result
 * carries `Out`, and `.catch` accepts the `errors` it declares.
 *
 * @example
 * const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()(
 *   'arn:aws:lambda:eu-west-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });
 */
export function lambdaFunction<In, Out>() {
  return <const E extends string = never>(arn: string, options?: { errors?: readonly E[] }): LambdaFunction<In, Out, E> =>
    Object.freeze({ arn, errors: Object.freeze([...(options?.errors ?? [])]) }) as LambdaFunction<In, Out, E>;
}

/** The result of `arn:aws:states:::lambda:invoke`. */
export interface LambdaInvokeResult<Out> {
  Payload: Out;
  StatusCode: number;
  ExecutedVersion: string;
  SdkHttpMetadata: Record<string, unknown>;
  SdkResponseMetadata: Record<string, unknown>;
}

function invoke<In, Out, E extends string, S = In>(
  fn: LambdaFunction<In, Out, E>,
  payload: PayloadArg<S, ContextObject, In> = wholeInput as never,
): TaskIntegration<S, LambdaInvokeResult<Out>, E | LambdaServiceError> {
  return makeIntegration(
    { integration: 'lambda:invoke', resource: optimizedResource('lambda', 'invoke', 'request-response'), pattern: 'request-response', errors: [...fn.errors, ...LAMBDA_SERVICE_ERRORS] },
    toValueNode({ FunctionName: fn.arn, Payload: payloadValue(payload, 'lambda:invoke Payload') }),
  );
}

function invokeWaitForTaskToken<In, Out, E extends string, S, T = unknown>(
  fn: LambdaFunction<In, Out, E>,
  payload: PayloadArg<S, CallbackContextObject, In>,
  _options?: { returns?: ResultSpec<T> },
): TaskIntegration<S, T, E | LambdaServiceError> {
  return makeIntegration(
    { integration: 'lambda:invoke', resource: optimizedResource('lambda', 'invoke', 'waitForTaskToken'), pattern: 'waitForTaskToken', errors: [...fn.errors, ...LAMBDA_SERVICE_ERRORS] },
    toValueNode({ FunctionName: fn.arn, Payload: payloadValue(payload, 'lambda:invoke Payload') }),
  );
}

function payloadValue(payload: unknown, where: string): Expr<unknown> {
  return makeExpr(evaluatePayload(payload as PayloadArg<unknown, ContextObject, unknown>, where));
}

/** Calls the function by its ARN (`Resource` is the function ARN); the result is the function's output as-is. */
function call<In, Out, E extends string, S = In>(
  fn: LambdaFunction<In, Out, E>,
  payload?: PayloadArg<S, ContextObject, In>,
): TaskIntegration<S, Out, E | LambdaServiceError> {
  return makeIntegration(
    { integration: 'lambda function', resource: fn.arn, pattern: 'request-response', errors: [...fn.errors, ...LAMBDA_SERVICE_ERRORS] },
    payload === undefined ? undefined : evaluatePayload(payload as PayloadArg<unknown, ContextObject, unknown>, 'lambda payload'),
  );
}

// Without a payload, `lambda:invoke` sends the whole state input (`"Payload.$": "$"`).
const wholeInput = (s: unknown) => s;

/**
 * Lambda tasks.
 * - `lambda.invoke(fn, payload)`: `arn:aws:states:::lambda:invoke`, result `{ Payload, StatusCode, ... }`;
 * - `lambda.invoke.waitForTaskToken(fn, (s, ctx) => ({ token: ctx.Task.Token, ... }), { returns })`;
 * - `lambda.call(fn, payload?)`: the function ARN as `Resource`, result = the function's output;
 *   without a payload the function receives the state input as is.
 * Without a payload, `lambda.invoke(fn)` sends the whole state input as `Payload`.
 *
 * @example
 * .task('Charge', lambda.invoke(charge, s => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
 */
export const lambda = Object.freeze({
  invoke: Object.assign(invoke, { waitForTaskToken: invokeWaitForTaskToken }),
  call,
});
