import type { Json, JsonObject } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import type { PathScope } from '../jsonpath/evaluate-path';
import type { Frame, StateVisit } from './runtime';

// Only states that can retry expose `$$.State.RetryCount` (recorded: a Pass's `$$` has none).
const RETRYING_TYPES = new Set(['Task', 'Parallel', 'Map']);

/** Builds the context object (`$$` / `$states.context`) for the state being visited. */
export function contextObject(frame: Frame, visit: StateVisit): JsonObject {
  // TestState runs with the context object its caller gave (or made up), whole (plus `Map` while an ItemSelector runs).
  const given = frame.runtime.stateTest?.context;
  if (given) return visit.mapItem === undefined ? given : { ...given, Map: { Item: visit.mapItem } };
  const state: JsonObject = { Name: visit.name, EnteredTime: formatTimestamp(visit.enteredAt) };
  if (RETRYING_TYPES.has(visit.type)) state.RetryCount = visit.retryCount;
  const context: JsonObject = {
    Execution: frame.runtime.executionContext,
    StateMachine: frame.runtime.stateMachineContext,
    State: state,
  };
  if (visit.taskToken !== undefined) context.Task = { Token: visit.taskToken };
  if (visit.mapItem !== undefined) context.Map = { Item: visit.mapItem };
  return context;
}

/** A {@link PathScope} whose context object is built only if a path reads `$$`. */
export class StateScope implements PathScope {
  private built: JsonObject | undefined;

  constructor(
    public input: Json,
    private readonly frame: Frame,
    private visit: StateVisit,
  ) {}

  get context(): Json {
    return (this.built ??= contextObject(this.frame, this.visit));
  }

  variable(name: string): Json | undefined {
    return this.frame.variables[name];
  }

  /** Points the scope at another evaluation of the same thread (see {@link borrowScope}). */
  retarget(input: Json, visit: StateVisit): this {
    this.input = input;
    this.visit = visit;
    this.built = undefined;
    return this;
  }
}

/**
 * The thread's (frame's) one reusable {@link StateScope}, pointed at `input`: for a synchronous
 * evaluation that is over before the frame's next `borrowScope` call (a JSONPath data-flow step,
 * a Choice state's rules), so the hottest steps allocate no scope. Never keep it, and never use it
 * across an `await`. Held by the frame, it lives no longer than the frame does.
 */
export function borrowScope(input: Json, frame: Frame, visit: StateVisit): StateScope {
  const scope = frame.scratchScope;
  return scope === undefined ? (frame.scratchScope = new StateScope(input, frame, visit)) : scope.retarget(input, visit);
}
