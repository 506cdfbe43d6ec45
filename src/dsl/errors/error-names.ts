import type { StatesErrorName } from '../../asl/error-names';

declare const NOT_CATCHABLE: unique symbol;
/** Marks a chain whose last state cannot have Retry/Catch (only Task, Parallel and Map can). */
export type NotCatchable = typeof NOT_CATCHABLE;

/** The errors a state with resource errors `E` can match: `States.*` plus what the resource declares. */
export type ErrorName<E extends string> = StatesErrorName | E;

/**
 * A typed `ErrorEquals`: `['States.ALL']` alone, or a list of names the state can raise. Where the
 * last state cannot retry or catch, no list is acceptable, so `.retry(...)` is a type error there.
 */
export type ErrorList<E> = [E] extends [never]
  ? ErrorListOf<never>
  : [E] extends [NotCatchable]
    ? never
    : [E] extends [string]
      ? ErrorListOf<E>
      : never;

type ErrorListOf<E extends string> = readonly ['States.ALL'] | readonly Exclude<ErrorName<E>, 'States.ALL'>[];
