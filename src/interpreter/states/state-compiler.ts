import type { QueryLanguage, State, StateMachineDefinition, NestedStateMachine } from '../../asl/types';
import type { StateRunner } from '../engine/state-runner';
import type { PreparedMachine } from '../engine/runtime';

/** What compiling one state may use: its name, its language, and nested machines. */
export interface StateCompileContext {
  name: string;
  queryLanguage: QueryLanguage;
  /** Compiles a nested `{StartAt, States}` (Parallel branch, Map processor) in the machine's default language. */
  prepareNested(machine: NestedStateMachine): PreparedMachine;
  definition: StateMachineDefinition;
}

/** Compiles one state of a given type into its runner. */
export type StateCompiler<S extends State = State> = (state: S, context: StateCompileContext) => StateRunner;
