import type { QueryLanguage, State, StateMachineDefinition, NestedStateMachine } from '../../asl/types';
import type { StateRunner } from '../engine/state-runner';
import type { PreparedMachine } from '../engine/runtime';

/** What preparing one state may use: its name, its language, and nested machines. */
export interface StatePrepareContext {
  name: string;
  queryLanguage: QueryLanguage;
  /** Prepares a nested `{StartAt, States}` (Parallel branch, Map processor) in the machine's default language. */
  prepareNested(machine: NestedStateMachine): PreparedMachine;
  definition: StateMachineDefinition;
}

/** Prepares one state of a given type into its runner. */
export type StatePreparer<S extends State = State> = (state: S, context: StatePrepareContext) => StateRunner;
