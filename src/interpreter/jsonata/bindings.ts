import type { Json } from '../../asl/types';

/**
 * What a JSONata expression can read when it runs.
 *
 * @example
 * const bindings: JsonataBindings = {
 *   states: { input: { id: 7 }, context: contextObject },
 *   variables: { retries: 2 },
 *   random: execution.random,
 * };
 */
export interface JsonataBindings {
  /** `$states`: `result` only where AWS provides it (Task/Map/Parallel Output and Assign), `errorOutput` in a Catcher. */
  states: { input: Json; context: Json; result?: Json; errorOutput?: Json };
  /** Visible state-machine variables; may inherit from outer scopes through the prototype chain. */
  variables: Record<string, Json>;
  /** The execution's seedable random source, used by `$random()` and `$uuid()`. */
  random: () => number;
  /** The execution's (virtual) clock in epoch milliseconds, read by `$now()` and `$millis()`; the host clock when absent. */
  clock?: () => number;
}
