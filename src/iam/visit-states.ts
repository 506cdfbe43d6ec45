import type { NestedStateMachine, QueryLanguage, State } from '../asl/types';

/** A state reached by the walk, with the query language in force for it. */
export interface VisitedState {
  name: string;
  state: State;
  queryLanguage: QueryLanguage;
}

/**
 * Visits every state of a machine in definition order, descending into Parallel branches and Map
 * processors (`ItemProcessor` or the older `Iterator`) right after the state that holds them.
 */
export function visitStates(
  machine: NestedStateMachine,
  topLevelLanguage: QueryLanguage,
  visit: (visited: VisitedState) => void,
): void {
  const states = machine.States;
  if (!states || typeof states !== 'object') return;
  for (const [name, state] of Object.entries(states)) {
    if (!state || typeof state !== 'object') continue;
    visit({ name, state, queryLanguage: state.QueryLanguage ?? topLevelLanguage });
    for (const child of childMachines(state)) visitStates(child, topLevelLanguage, visit);
  }
}

function childMachines(state: State): NestedStateMachine[] {
  if (state.Type === 'Parallel') return Array.isArray(state.Branches) ? state.Branches : [];
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor] : [];
  }
  return [];
}
