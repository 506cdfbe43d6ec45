import type { ContextObject, CallbackContextObject } from '../context/context-object';
import { DslUsageError } from '../errors/dsl-usage-error';
import { describeWorkflow } from '../ast/describe';
import { isChainLike, type ChainLike, type OutputOf } from '../states/chain-like';
import type { PayloadArg, ResultSpec, TaskIntegration } from './task-integration';

/** The input a workflow (or chain) accepts: the `z.output` of its `input` schema, `unknown` without one. */
export type InputOf<C> = C extends ChainLike<infer In, any, any> ? In : unknown;

/**
 * The request of a nested execution of a known child workflow: its `Input` is typed by the child's
 * input schema (plus the `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` AWS recommends passing to
 * link the executions). `StateMachineArn` stays yours: the DSL does not know where the child is deployed.
 */
export interface ChildStartParams<ChildIn> {
  StateMachineArn: string;
  Name?: string;
  Input: unknown extends ChildIn ? unknown : ChildIn & { AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID?: string };
}

/** What `.sync:2` hands back for a child workflow: its `DescribeExecution` record with the child's input and output as JSON. */
export type ChildSyncResult<Base, ChildIn, ChildOut> = Omit<Base, 'Input' | 'Output'> & { Input: ChildIn; Output: ChildOut };

type Call<P, R, E extends string> = <S>(payload: PayloadArg<S, ContextObject, P>) => TaskIntegration<S, R, E, P>;
type ChildCall<Result, E extends string> = <const C extends ChainLike<any, any, 'workflow'>, S>(
  child: C,
  payload: PayloadArg<S, ContextObject, ChildStartParams<InputOf<C>>>,
) => TaskIntegration<S, Result extends ChildResult<infer Base> ? ChildSyncResult<Base, InputOf<C>, OutputOf<C>> : Result, E, ChildStartParams<InputOf<C>>>;
type CallbackCall<P, E extends string> = <S, T = unknown>(payload: PayloadArg<S, CallbackContextObject, P>, options?: { returns?: ResultSpec<T> }) => TaskIntegration<S, T, E, P>;
type ChildCallbackCall<E extends string> = <const C extends ChainLike<any, any, 'workflow'>, S, T = unknown>(
  child: C,
  payload: PayloadArg<S, CallbackContextObject, ChildStartParams<InputOf<C>>>,
  options?: { returns?: ResultSpec<T> },
) => TaskIntegration<S, T, E, ChildStartParams<InputOf<C>>>;

declare const CHILD_RESULT: unique symbol;
/** Marks a result whose `Input`/`Output` follow the child workflow (`.sync:2`). */
export interface ChildResult<Base> {
  readonly [CHILD_RESULT]?: Base;
}

/** `startExecution` and its variants, each also callable as `(childWorkflow, payload)`. */
export interface StartExecutionBuilder<P, R, SyncR, Sync2R, E extends string> extends Call<P, R, E>, ChildCall<R, E> {
  readonly sync: Call<P, SyncR, E> & ChildCall<SyncR, E>;
  readonly sync2: Call<P, Sync2R, E> & ChildCall<ChildResult<Sync2R>, E>;
  readonly waitForTaskToken: CallbackCall<P, E> & ChildCallbackCall<E>;
}

/**
 * Lets each call of a nested-execution builder take the child workflow first, so the child's input
 * schema types `Input` and (with `.sync2`) the child's output types the result. Nothing of the
 * child reaches the ASL: the payload is the same.
 */
export function withChildWorkflows<P, R, SyncR, Sync2R, E extends string>(base: {
  (payload: unknown): unknown;
  sync: (payload: unknown) => unknown;
  sync2: (payload: unknown) => unknown;
  waitForTaskToken: (payload: unknown, options?: unknown) => unknown;
}): StartExecutionBuilder<P, R, SyncR, Sync2R, E> {
  const childAware =
    (call: (payload: unknown, options?: unknown) => unknown, variant: string) =>
    (...args: unknown[]) => {
      if (!isChainLike(args[0])) return call(args[0], args[1]);
      if (!describeWorkflow(args[0])) {
        throw new DslUsageError(`stepFunctions.startExecution${variant}(child, payload): the child must be a workflow(...), not a fragment.`);
      }
      return call(args[1], args[2]);
    };
  return Object.freeze(
    Object.assign(childAware(base, ''), {
      sync: childAware(base.sync, '.sync'),
      sync2: childAware(base.sync2, '.sync2'),
      waitForTaskToken: childAware(base.waitForTaskToken, '.waitForTaskToken'),
    }),
  ) as unknown as StartExecutionBuilder<P, R, SyncR, Sync2R, E>;
}
