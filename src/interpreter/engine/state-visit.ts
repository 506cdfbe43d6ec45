import type { Json, JsonObject, QueryLanguage, StateType } from '../../asl/types';
import type { PreparedState, StateVisit, Variables } from './runtime';

/** What a visit takes from the state being visited. */
export interface VisitedState {
  readonly name: string;
  readonly type: StateType;
  readonly queryLanguage: QueryLanguage;
  /** The state's `Next` (`undefined` for End states). */
  readonly next: PreparedState | undefined;
}

/**
 * The one implementation of {@link StateVisit}. A thread reuses a record once the visit finished
 * synchronously (see `releaseVisit`), so {@link VisitRecord.begin} sets every field, exactly as
 * for a new one.
 */
export class VisitRecord implements StateVisit {
  name!: string;
  input!: Json;
  type!: StateType;
  queryLanguage!: QueryLanguage;
  enteredEventId!: number;
  enteredAt!: number;
  retryCount!: number;
  taskToken!: string | undefined;
  mapItem!: JsonObject | undefined;
  next!: PreparedState | undefined;
  assignOverride!: unknown;
  outputOverride!: unknown;
  assigned!: Variables | undefined;
  output!: Json;

  /** Starts a visit of `state` entered with `input` (event `enteredEventId`, at `enteredAt` epoch ms). */
  begin(state: VisitedState, input: Json, enteredEventId: number, enteredAt: number): this {
    this.name = state.name;
    this.input = input;
    this.type = state.type;
    this.queryLanguage = state.queryLanguage;
    this.enteredEventId = enteredEventId;
    this.enteredAt = enteredAt;
    this.retryCount = 0;
    this.taskToken = undefined;
    this.mapItem = undefined;
    this.next = state.next;
    this.assignOverride = undefined;
    this.outputOverride = undefined;
    this.assigned = undefined;
    this.output = null;
    return this;
  }
}
