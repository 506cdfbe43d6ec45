import { patternSuffix } from '../../asl/task-resource';
import type { IntegrationPattern, ResourceNode } from '../ast/states';
import type { ValueNode } from '../ast/value';
import type { ZodType } from 'zod';
import { contextSelector, type CallbackContextObject, type ContextObject } from '../context/context-object';
import { selector, type Selector } from '../paths/selector';
import type { Template } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

export const INTEGRATION: unique symbol = Symbol.for('statecraft.integration') as never;
declare const INTEGRATION_TYPES: unique symbol;

/** What a Task runs, ready to be placed in a chain with `.task(name, integration)`. */
export interface TaskIntegration<S, R, E extends string> {
  readonly [INTEGRATION]: { readonly resource: ResourceNode; readonly payload?: ValueNode };
  /** Type-only: the state input it reads, its result and the errors it can raise. */
  readonly [INTEGRATION_TYPES]: { input: (s: S) => void; result: R; errors: E };
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

export function makeIntegration<S, R, E extends string>(
  resource: ResourceNode,
  payload: ValueNode | undefined,
): TaskIntegration<S, R, E> {
  const frozen = Object.freeze({ ...resource, errors: Object.freeze([...resource.errors]) });
  const data = payload === undefined ? { resource: frozen } : { resource: frozen, payload };
  return Object.freeze({ [INTEGRATION]: Object.freeze(data) }) as unknown as TaskIntegration<S, R, E>;
}

export function isTaskIntegration(value: unknown): value is TaskIntegration<unknown, unknown, string> {
  return typeof value === 'object' && value !== null && INTEGRATION in value;
}

export type { CallbackContextObject, ContextObject };
