/**
 * The diagram's reading of the state tree, through the shared walker (`src/asl/walk.ts`, the one
 * owner of "which machines does a state hold" and "where can a state go"); the diagram only
 * classifies each transition by the field it was written in.
 */
import type { NestedStateMachine, State } from '../asl/types';
import { childMachines, outgoingTransitions } from '../asl/walk';

/** Which field of a state a transition was written in. */
export type TransitionKind = 'next' | 'default' | 'choice' | 'catch';

export interface StateTransition {
  target: string;
  kind: TransitionKind;
  /** Index into `Choices` or `Catch` (for `choice` / `catch`). */
  index?: number;
}

/** Every transition of `state` (Next, Default, Choices, Catch). */
export function transitionsOf(state: State): StateTransition[] {
  return outgoingTransitions(state).map(({ target, path: [field, index] }) => {
    if (field === 'Choices') return { target, kind: 'choice', index: Number(index) };
    if (field === 'Catch') return { target, kind: 'catch', index: Number(index) };
    return { target, kind: field === 'Default' ? 'default' : 'next' };
  });
}

/** The machines a state holds: a Parallel's branches, a Map's processor (`ItemProcessor`, or the older `Iterator`). */
export function childMachinesOf(state: State): NestedStateMachine[] {
  return childMachines(state).map((child) => child.machine);
}

/** A state ends its machine: `End: true`, Succeed or Fail. */
export function isTerminal(state: State): boolean {
  return state.Type === 'Succeed' || state.Type === 'Fail' || ('End' in state && state.End === true);
}
