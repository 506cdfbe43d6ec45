import type { Json, ParallelState } from '../../asl/types';
import { prepareErrorHandling } from '../error-handling/error-handling';
import { childFrame } from '../engine/child-frame';
import { runChildren } from '../engine/run-children';
import { runMachine } from '../engine/run-machine';
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
      let results;
      try {
        results = runChildren({
          count: branches.length,
          concurrency: Number.POSITIVE_INFINITY,
          parent: frame.abort,
          // A method, not an arrow property: no per-execution function naming under tsx (keepNames).
          start(i, abort) {
            return runBranch(branches[i], effective, childFrame(frame, abort, startedId, true));
          },
        });
      } catch (error) {
        settle(frame);
        throw error;
      }
      if (results instanceof Promise) {
        return results.then(
          (r) => {
            settle(frame);
            return r;
          },
          (error) => {
            settle(frame);
            throw error;
          },
        );
      }
      settle(frame);
      return results;
    },
    errorHandling: prepareErrorHandling(state.Retry, state.Catch, queryLanguage),
    checkOutputSize: true,
    exits: true,
    failedEvent: 'ParallelStateFailed',
  });
};

/** After the branches, the Parallel's own events follow the last event any branch recorded. */
function settle(frame: Frame): void {
  frame.previousEventId = frame.history.lastEventId;
}

/** Runs one branch; its variables vanish when it ends (they stop counting towards the execution's total). */
function runBranch(branch: PreparedMachine, input: Json, frame: Frame): Json | Promise<Json> {
  let output: Json | Promise<Json>;
  try {
    output = runMachine(branch, input, frame);
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
