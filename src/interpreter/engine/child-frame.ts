import type { AbortScope } from './abort-scope';
import type { Frame } from './runtime';

/** A Parallel branch's / Map iteration's frame: its own variable scope (reading the outer one) and abort scope. */
export function childFrame(parent: Frame, abort: AbortScope, previousEventId: number, abortsFailedStates = false): Frame {
  // Every frame has the same fields in the same order (one hidden class for the hot path).
  return {
    runtime: parent.runtime,
    history: parent.history,
    variables: Object.create(parent.variables),
    abort,
    previousEventId,
    abortsFailedStates,
    scratchScope: undefined,
    spareVisit: undefined,
    resume: undefined,
  };
}
