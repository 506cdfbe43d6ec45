import type { Json, ParallelState } from '../../asl/types';
import { prepareErrorHandling } from '../error-handling/error-handling';
import { childFrame } from '../engine/child-frame';
import { runChildren } from '../engine/run-children';
import { runMachine } from '../engine/run-machine';
import { resumeFrame, resumeStart, takeResume } from '../engine/redrive-resume';
import type { RedriveResume } from '../execution/types';
import { record, type Frame, type PreparedMachine } from '../engine/runtime';
import { StateRunner } from '../engine/state-runner';
import { prepareStateDataFlow, releaseVariableScope } from '../state-io';
import type { StatePreparer } from './state-preparer';

/**
 * Parallel: every branch gets the effective input and runs concurrently; the result lists the
 * branch outputs in `Branches` order. A failing branch aborts the others and the Parallel fails
 * with the branch's own error (not `States.BranchFailed`, as recorded on AWS).
 */
export const prepareParallelState: StatePreparer<ParallelState> = (state, context) => {
  const { name, queryLanguage } = context;
  const branches = state.Branches.map((branch) => context.prepareNested(branch));
  return new StateRunner({
    name,
    type: 'Parallel',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    work: (effective, frame) => {
      // Recorded histories have no ParallelStateSucceeded; ParallelStateFailed only when the state fails for good.
      const startedId = record(frame, 'ParallelStateStarted');
      // A redrive reruns only the branches that did not succeed (AWS); the others keep their output.
      const resume = takeResume(frame, name);
      const plan = resume?.kind === 'children' ? resume.children : undefined;
      const threads: Frame[] = [];
      let results;
      try {
        results = runChildren({
          count: branches.length,
          concurrency: Number.POSITIVE_INFINITY,
          parent: frame.abort,
          // A method, not an arrow property: no per-execution function naming under tsx (keepNames).
          start(i, abort) {
            const child = plan?.[i];
            if (child && 'kept' in child) return child.kept;
            const branchFrame = childFrame(frame, abort, startedId, true);
            threads.push(branchFrame);
            if (child) resumeFrame(branchFrame, child.resume);
            return runBranch(branches[i], child ? child.resume : undefined, effective, branchFrame);
          },
        });
      } catch (error) {
        settle(frame, threads);
        throw error;
      }
      if (results instanceof Promise) {
        return results.then(
          (r) => {
            settle(frame, threads);
            return r;
          },
          (error) => {
            settle(frame, threads);
            throw error;
          },
        );
      }
      settle(frame, threads);
      return results;
    },
    errorHandling: prepareErrorHandling(state.Retry, state.Catch, queryLanguage),
    checkOutputSize: true,
    exits: true,
    failedEvent: 'ParallelStateFailed',
  });
};

/**
 * After the branches, the Parallel's own events follow the last event its branches recorded
 * (its own threads', not a concurrent sibling's): each event's `previousEventId` stays within its
 * thread or the threads it started, so a history splits into branches (`planRedrive` reads it).
 */
function settle(frame: Frame, threads: readonly Frame[]): void {
  for (const thread of threads) if (thread.previousEventId > frame.previousEventId) frame.previousEventId = thread.previousEventId;
}

/** Runs one branch (from its start, or where a redrive resumes it); its variables vanish when it ends (they stop counting towards the execution's total). */
function runBranch(branch: PreparedMachine, resume: RedriveResume | undefined, input: Json, frame: Frame): Json | Promise<Json> {
  let output: Json | Promise<Json>;
  try {
    output = resume ? runMachine(branch, resume.stateInput, frame, resumeStart(branch, resume.fromState)) : runMachine(branch, input, frame);
  } catch (error) {
    releaseVariableScope(frame);
    throw error;
  }
  if (!(output instanceof Promise)) {
    releaseVariableScope(frame);
    return output;
  }
  return output.finally(() => releaseVariableScope(frame));
}
