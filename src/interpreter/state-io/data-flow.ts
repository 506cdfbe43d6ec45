import type { Json } from '../../asl/types';
import type { Frame, StateVisit } from '../engine/runtime';

/**
 * The data-flow pipeline every state type shares, for one query language. A state type only
 * supplies its "work" (Pass: its Result, Task: the call, Map: the iterations, ...):
 *
 * JSONPath: raw input → InputPath → Parameters → work → ResultSelector → ResultPath → OutputPath,
 *           Assign from the raw result.
 * JSONata:  raw input → Arguments → work → Output, Assign from the same bindings.
 */
export interface StateDataFlow {
  /** The raw state input → the work's input (effective input). */
  enter(raw: Json, frame: Frame, visit: StateVisit): Json | Promise<Json>;
  /** The work's result → the state output; evaluates Assign then assigns (recorded in `visit.assigned`). */
  leave(raw: Json, result: Json, frame: Frame, visit: StateVisit): Json | Promise<Json>;
}

/** A Catcher's data flow: the error output → the state output (ResultPath / Output) and its Assign. */
export interface CatcherDataFlow {
  leave(raw: Json, errorOutput: Json, frame: Frame, visit: StateVisit): Json | Promise<Json>;
}
