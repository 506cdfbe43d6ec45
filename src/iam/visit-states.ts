import { walkStates, type VisitedState as WalkedState } from '../asl/walk';
import type { NestedStateMachine, QueryLanguage } from '../asl/types';

/** A state reached by the walk, with the query language in force for it. */
export type VisitedState = Pick<WalkedState, 'name' | 'state' | 'queryLanguage'>;

/**
 * @deprecated Use `walkStates` from `asl/walk` (the one walker). Kept as a thin adapter so callers
 * written against this signature (verify, mock-config checks) keep working while they move over.
 */
export function visitStates(machine: NestedStateMachine, topLevelLanguage: QueryLanguage, visit: (visited: VisitedState) => void): void {
  walkStates({ States: machine.States, QueryLanguage: topLevelLanguage }, visit);
}
