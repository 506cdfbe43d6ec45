import { INTEGRATIONS, LAMBDA_NODEJS_RUNTIME_ERRORS } from '../../asl/integrations/catalogue';
import type { CallbackContextObject, ContextObject } from '../context/context-object';
import type { Expr } from '../values/expr';
import {
  evaluatePayload,
  makeIntegration,
  optimizedResource,
  type PayloadArg,
  type ResultSpec,
  type TaskIntegration,
  withResultSchema,
} from './task-integration';
import type { z, ZodType } from 'zod';
import { toValueNode } from '../values/to-value-node';
import { makeExpr } from '../values/expr';

/** Errors the Lambda service itself raises (besides the function's own `errorType`s), from the catalogue. */
export type LambdaServiceError = (typeof INTEGRATIONS.lambda.errors)[number];

/**
 * Errors any Node.js function raises without declaring them (`Error`, `TypeError`, ...,
 * `Runtime.ImportModuleError`): the `errorType` of an uncaught exception is its name. From the catalogue.
 */
export type LambdaRuntimeError = (typeof LAMBDA_NODEJS_RUNTIME_ERRORS)[number];

const LAMBDA_SERVICE_ERRORS: readonly LambdaServiceError[] = INTEGRATIONS.lambda.errors;
/** What a synchronous invocation can fail with besides the function's declared errors. */
const INVOKE_ERRORS: readonly (LambdaServiceError | LambdaRuntimeError)[] = [...LAMBDA_SERVICE_ERRORS, ...LAMBDA_NODEJS_RUNTIME_ERRORS];

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

/**
 * The request `arn:aws:states:::lambda:invoke` sends (its `Parameters`): the function and its
 * payload. A typed mock of such a task receives it (`statecraft/testing`'s `mocksFor`).
 *
 * @example
 * mocksFor(orderFlow)({ Charge: (input: LambdaInvokeRequest<{ orderId: string }>) => ({ chargeId: input.Payload.orderId }) });
 */
export interface LambdaInvokeRequest<In> {
  FunctionName: string;
  Payload: In;
}

/** The result of `arn:aws:states:::lambda:invoke`. */
export interface LambdaInvokeResult<Out> {
  Payload: Out;
  StatusCode: number;
  ExecutedVersion: string;
  SdkHttpMetadata: Record<string, unknown>;
  SdkResponseMetadata: Record<string, unknown>;
}

/**
 * Options of `lambda.invoke` / `lambda.call`: `result`, a zod schema of the function's output
 * (beside its TypeScript type, which it may narrow). It types the result and travels with the Task
 * (never into the ASL): `statecraft/testing` rejects a mock whose result fails it.
 */
export interface LambdaCallOptions<Out, Schema extends ZodType<Out> | undefined> {
  result?: Schema;
}

/** The function's output: the schema's output when a `result` schema is given, else the declared `Out`. */
export type SchemaOutput<Out, Schema> = Schema extends ZodType ? z.output<Schema> : Out;

function invoke<In, Out, E extends string, S = In, const Schema extends ZodType<Out> | undefined = undefined>(
  fn: LambdaFunction<In, Out, E>,
  payload: PayloadArg<S, ContextObject, In> = wholeInput as never,
  options: LambdaCallOptions<Out, Schema> = {},
): TaskIntegration<S, LambdaInvokeResult<SchemaOutput<Out, Schema>>, E | LambdaServiceError | LambdaRuntimeError, LambdaInvokeRequest<In>> {
  const integration = makeIntegration<S, unknown, E | LambdaServiceError | LambdaRuntimeError, LambdaInvokeRequest<In>>(
    { integration: 'lambda:invoke', resource: optimizedResource('lambda', 'invoke', 'request-response'), pattern: 'request-response', errors: [...fn.errors, ...INVOKE_ERRORS] },
    toValueNode({ FunctionName: fn.arn, Payload: payloadValue(payload, 'lambda:invoke Payload') }),
  );
  return (options.result ? withResultSchema(integration, options.result, 'Payload') : integration) as never;
}

function invokeWaitForTaskToken<In, Out, E extends string, S, T = unknown>(
  fn: LambdaFunction<In, Out, E>,
  payload: PayloadArg<S, CallbackContextObject, In>,
  _options?: { returns?: ResultSpec<T> },
): TaskIntegration<S, T, E | LambdaServiceError, LambdaInvokeRequest<In>> {
  return makeIntegration(
    { integration: 'lambda:invoke', resource: optimizedResource('lambda', 'invoke', 'waitForTaskToken'), pattern: 'waitForTaskToken', errors: [...fn.errors, ...LAMBDA_SERVICE_ERRORS] },
    toValueNode({ FunctionName: fn.arn, Payload: payloadValue(payload, 'lambda:invoke Payload') }),
  );
}

function payloadValue(payload: unknown, where: string): Expr<unknown> {
  return makeExpr(evaluatePayload(payload as PayloadArg<unknown, ContextObject, unknown>, where));
}

/** Calls the function by its ARN (`Resource` is the function ARN); the result is the function's output as-is. */
function call<In, Out, E extends string, S = In, const Schema extends ZodType<Out> | undefined = undefined>(
  fn: LambdaFunction<In, Out, E>,
  payload?: PayloadArg<S, ContextObject, In>,
  options: LambdaCallOptions<Out, Schema> = {},
): TaskIntegration<S, SchemaOutput<Out, Schema>, E | LambdaServiceError | LambdaRuntimeError, In> {
  const integration = makeIntegration<S, unknown, E | LambdaServiceError | LambdaRuntimeError, In>(
    { integration: 'lambda function', resource: fn.arn, pattern: 'request-response', errors: [...fn.errors, ...INVOKE_ERRORS] },
    payload === undefined ? undefined : evaluatePayload(payload as PayloadArg<unknown, ContextObject, unknown>, 'lambda payload'),
  );
  return (options.result ? withResultSchema(integration, options.result) : integration) as never;
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
