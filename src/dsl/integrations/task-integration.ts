import { patternSuffix } from '../../asl/task-resource';
import type { IntegrationPattern, ResourceNode, ResultSchemaNode } from '../ast/states';
import type { ValueNode } from '../ast/value';
import type { z, ZodType } from 'zod';
import { contextSelector, type CallbackContextObject, type ContextObject } from '../context/context-object';
import { selector, type Selector } from '../paths/selector';
import type { Template } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

export const INTEGRATION: unique symbol = Symbol.for('statecraft.integration') as never;
declare const INTEGRATION_TYPES: unique symbol;

/**
 * What a Task runs, ready to be placed in a chain with `.task(name, integration)`. `Req` is the
 * request the service receives (the evaluated `Parameters`/`Arguments`) when the builder knows
 * its type (`unknown` when it does not); typed mocks (`statecraft/testing`) take it as their input.
 */
export interface TaskIntegration<S, R, E extends string, Req = unknown> {
  readonly [INTEGRATION]: { readonly resource: ResourceNode; readonly payload?: ValueNode; readonly resultSchema?: ResultSchemaNode };
  /** Type-only: the state input it reads, its result, the errors it can raise and its request. */
  readonly [INTEGRATION_TYPES]: { input: (s: S) => void; result: R; errors: E; request: Req };
}

/** The result type of a task integration: `ResultOf<typeof integration>`. */
export type ResultOf<I> = I extends TaskIntegration<any, infer R, any> ? R : never;
/** The error names a task integration can raise: `ErrorsOf<typeof integration>`. */
export type ErrorsOf<I> = I extends TaskIntegration<any, any, infer E> ? E : never;

/**
 * A request payload: a fixed template, or a callback that builds it from the state input `s` and
 * the context object `ctx` (the task token is on `ctx` only for `.waitForTaskToken` calls).
 */
export type PayloadArg<S, C, P> = Template<P> | ((s: Selector<S>, ctx: Selector<C>) => Template<P>);

declare const RESULT_TYPE: unique symbol;
/** Declares the result type of a task whose result the service does not define (callbacks, activities). */
export interface Returns<T> {
  readonly [RESULT_TYPE]?: T;
}
/** `returns<{ approved: boolean }>()`: a type-only declaration of a result. */
export function returns<T>(): Returns<T> {
  return Object.freeze({});
}
/** A result declared by `returns<T>()` or by a zod schema. */
export type ResultSpec<T> = Returns<T> | ZodType<T>;

export function evaluatePayload<S, C extends ContextObject, P>(payload: PayloadArg<S, C, P>, where: string): ValueNode {
  const value =
    typeof payload === 'function'
      ? (payload as (s: Selector<S>, ctx: Selector<C>) => unknown)(selector<S>('input'), contextSelector<C>())
      : payload;
  return toValueNode(value, where);
}

export function optimizedResource(service: string, action: string, pattern: IntegrationPattern): string {
  return `arn:aws:states:::${service}:${action}${patternSuffix(pattern)}`;
}

export function makeIntegration<S, R, E extends string, Req = unknown>(
  resource: ResourceNode,
  payload: ValueNode | undefined,
): TaskIntegration<S, R, E, Req> {
  const frozen = Object.freeze({ ...resource, errors: Object.freeze([...resource.errors]) });
  const data = payload === undefined ? { resource: frozen } : { resource: frozen, payload };
  return Object.freeze({ [INTEGRATION]: Object.freeze(data) }) as unknown as TaskIntegration<S, R, E, Req>;
}

/**
 * The same integration with a zod schema of its result: the result type becomes the schema's
 * output, and the schema travels with the Task (never into the ASL) so `statecraft/testing` checks
 * mock results against it. `of: 'Payload'` (used by `lambda.invoke`): the schema describes the
 * function's payload inside the Lambda response.
 *
 * @example
 * const listed = withResultSchema(awsSdk('s3', 'listObjectsV2', { Bucket: 'b' }), z.object({ KeyCount: z.number() }));
 */
export function withResultSchema<S, E extends string, Req, const Schema extends ZodType>(
  integration: TaskIntegration<S, unknown, E, Req>,
  schema: Schema,
  of: ResultSchemaNode['of'] = 'result',
): TaskIntegration<S, z.output<Schema>, E, Req> {
  const data = integration[INTEGRATION];
  return Object.freeze({ [INTEGRATION]: Object.freeze({ ...data, resultSchema: Object.freeze({ schema, of }) }) }) as unknown as TaskIntegration<S, z.output<Schema>, E, Req>;
}

export function isTaskIntegration(value: unknown): value is TaskIntegration<unknown, unknown, string> {
  return typeof value === 'object' && value !== null && INTEGRATION in value;
}

export type { CallbackContextObject, ContextObject };
