import type { StatesErrorName } from '../../asl/error-names';

declare const NOT_CATCHABLE: unique symbol;
/**
 * Marks a chain whose last state cannot have Retry/Catch (only Task, Parallel and Map can);
 * `Kind` names that state's type for the message a misplaced `.retry`/`.catch` shows.
 */
export interface NotCatchable<Kind extends string = 'no'> {
  readonly [NOT_CATCHABLE]: Kind;
}

/** The errors a state with resource errors `E` can match: `States.*` plus what the resource declares. */
export type ErrorName<E extends string> = StatesErrorName | E;

/**
 * What `.retry(...)`/`.catch(...)` expect after a state that cannot handle errors: a sentence, so
 * the type error reads as the fix (the way type-level libraries brand their errors) instead of
 * "not assignable to parameter of type 'never'".
 *
 * @example
 * start().pass('P').retry(['States.ALL']);
 * // Argument of type 'string[]' is not assignable to parameter of type
 * //   '"Pass states cannot retry: remove .retry(...) (only Task, Parallel and Map states can)"'.
 */
export type CannotHandleErrors<Kind extends string, Action extends 'retry' | 'catch'> = Kind extends 'no'
  ? `.${Action}(...) needs a Task, Parallel or Map state before it`
  : `${Kind} states cannot ${Action}: remove .${Action}(...) (only Task, Parallel and Map states can)`;

/**
 * A typed `ErrorEquals`: `['States.ALL']` alone, or a list of names the state can raise. Where the
 * last state cannot retry or catch, no list is acceptable: the parameter is a sentence saying so.
 */
export type ErrorList<E, Action extends 'retry' | 'catch' = 'retry'> = [E] extends [never]
  ? ErrorListOf<never>
  : [E] extends [NotCatchable<infer Kind>]
    ? CannotHandleErrors<Kind, Action>
    : [E] extends [string]
      ? ErrorListOf<E>
      : never;

type ErrorListOf<E extends string> = readonly ['States.ALL'] | readonly Exclude<ErrorName<E>, 'States.ALL'>[];
