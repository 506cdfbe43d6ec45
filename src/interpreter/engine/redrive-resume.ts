import { StatesError } from '../errors';
import type { RedriveInner, RedriveResume } from '../execution/types';
import type { Frame, PreparedMachine, PreparedState } from './runtime';

/**
 * The redrive plan for the Parallel/Map state `stateName`, taken from its thread (once: a retry
 * of the state runs it whole again, as any retry does). Any state's work that reads it clears it,
 * so a plan whose state failed before its work (caught by its Catch) never reaches another state.
 */
export function takeResume(frame: Frame, stateName: string): RedriveInner | undefined {
  const resume = frame.resume;
  if (resume === undefined) return undefined;
  frame.resume = undefined;
  return resume.state === stateName ? resume.inner : undefined;
}

/** Prepares a branch's/iteration's frame to go on from `resume`: its own variables, and the plan of a nested Parallel/Map. */
export function resumeFrame(frame: Frame, resume: RedriveResume): void {
  Object.assign(frame.variables, resume.variables);
  frame.resume = resume.inner ? { state: resume.fromState, inner: resume.inner } : undefined;
}

/** The state a redriven thread goes on from. */
export function resumeStart(machine: PreparedMachine, fromState: string): PreparedState {
  const state = machine.states.get(fromState);
  if (!state)
    throw new StatesError('States.Runtime', `Cannot redrive from state '${fromState}': there is no such state where the redrive plan puts it.`);
  return state;
}
