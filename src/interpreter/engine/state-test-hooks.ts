import type { Json, JsonObject } from '../../asl/types';
import type { Frame, StateVisit } from './runtime';

/** The intermediate values of a state's data flow, named as AWS's TestState `inspectionData` names them. */
export type FlowStage = 'afterInputPath' | 'afterParameters' | 'afterArguments' | 'result' | 'afterResultSelector' | 'afterResultPath';

/**
 * What TestState (src/test-state) changes when it runs one state alone; absent in executions, so
 * every other run pays one property check. Kept here so the state types stay unaware of TestState.
 */
export interface StateTestHooks {
  /** Replaces the context object (`$$`, `$states.context`): TestState's `context`, or the one it makes up. */
  context?: JsonObject;
  /** Told each intermediate value of the data flow (InputPath, Parameters/Arguments, result, ResultSelector, ResultPath). */
  observe?(stage: FlowStage, value: Json): void;
  /** Replaces the state's own work (the Task call, the Map iterations, the Parallel branches) with a mock. */
  work?(effective: Json, frame: Frame, visit: StateVisit): Json | Promise<Json>;
}
