import type { NestedStateMachine, QueryLanguage, State, StateMachineDefinition } from '../asl/types';
import { validateDefinition } from '../asl/validate';
import { invalidDefinition, validationError } from './api-errors';

/** The one state a TestState call runs, found and validated. */
export interface StateUnderTest {
  name: string;
  state: State;
  /** The state's effective query language (its own, else its machine's, else JSONPath). */
  queryLanguage: QueryLanguage;
}

/**
 * The name a lone state runs under: AWS shows it as `$$.State.Name` whether or not `stateName`
 * picked the state out of a machine (recorded: `"State": {"Name": "StateName", ...}`).
 */
export const TESTED_STATE_NAME = 'StateName';

/**
 * Finds the state to test: `stateName` in a whole machine (at any depth: Parallel branches and
 * Map processors too), which must be a valid machine; or the definition itself, a lone state,
 * validated as the one state of a machine whose transitions lead to placeholder states.
 * Throws AWS's `InvalidDefinition` / `ValidationException`.
 */
export function findStateUnderTest(definition: unknown, stateName: string | undefined): StateUnderTest {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw validationError('The definition must be a JSON object: a state, or a state machine with stateName.');
  }
  const document = definition as Record<string, unknown>;
  if (stateName !== undefined) {
    rejectInvalid(document);
    const found = findState(document as unknown as NestedStateMachine, stateName, (document as { QueryLanguage?: QueryLanguage }).QueryLanguage);
    if (!found) throw validationError(`State '${stateName}' does not exist in the definition.`);
    return found;
  }
  if ('States' in document && !('Type' in document)) {
    throw validationError('The definition is a state machine: name the state to test with stateName.');
  }
  const state = document as unknown as State;
  rejectInvalid(machineAround(state));
  return { name: TESTED_STATE_NAME, state, queryLanguage: state.QueryLanguage ?? 'JSONPath' };
}

function rejectInvalid(machine: unknown): void {
  const errors = validateDefinition(machine).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw invalidDefinition(errors);
}

function findState(machine: NestedStateMachine, name: string, language: QueryLanguage | undefined): StateUnderTest | undefined {
  for (const [stateName, state] of Object.entries(machine.States ?? {})) {
    if (stateName === name) return { name, state, queryLanguage: state.QueryLanguage ?? language ?? 'JSONPath' };
  }
  for (const state of Object.values(machine.States ?? {})) {
    for (const nested of nestedMachines(state)) {
      const found = findState(nested, name, language);
      if (found) return found;
    }
  }
  return undefined;
}

/** The machines inside a state: Parallel branches, a Map's processor. */
export function nestedMachines(state: State): NestedStateMachine[] {
  if (state.Type === 'Parallel') return state.Branches;
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor] : [];
  }
  return [];
}

/** The names a state may go to next: `Next`, Choice rules and `Default`, catchers. */
export function transitionTargets(state: State): string[] {
  const targets = new Set<string>();
  const add = (name: unknown) => typeof name === 'string' && targets.add(name);
  add((state as { Next?: unknown }).Next);
  if (state.Type === 'Choice') {
    for (const rule of state.Choices ?? []) add(rule.Next);
    add(state.Default);
  }
  for (const catcher of (state as { Catch?: { Next?: unknown }[] }).Catch ?? []) add(catcher.Next);
  return [...targets];
}

/**
 * A machine of `state` alone, named {@link TESTED_STATE_NAME}, whose transitions lead to
 * placeholder Succeed states: what the validator checks and what the interpreter prepares.
 */
export function machineAround(state: State, name: string = TESTED_STATE_NAME, queryLanguage?: QueryLanguage): StateMachineDefinition {
  const states: Record<string, State> = {};
  for (const target of transitionTargets(state)) states[target] = { Type: 'Succeed' };
  states[name] = state;
  const machine: StateMachineDefinition = { StartAt: name, States: states };
  if (queryLanguage === 'JSONata') machine.QueryLanguage = 'JSONata';
  return machine;
}
