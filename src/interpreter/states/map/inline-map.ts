import type { Json } from '../../../asl/types';
import { StatesError } from '../../errors';
import { Aborted } from '../../engine/abort-scope';
import { childFrame } from '../../engine/child-frame';
import { runChildren } from '../../engine/run-children';
import { runMachine } from '../../engine/run-machine';
import { resumeFrame, resumeStart } from '../../engine/redrive-resume';
import type { RedriveChild } from '../../execution/types';
import { recordCompact, type Frame, type PreparedMachine, type StateVisit } from '../../engine/runtime';
import { eventKindCode, EventShape } from '../../history/event-kinds';
import { releaseVariableScope } from '../../state-io';
import { exceedsTolerance, toleranceExceededError, type Tolerance } from './failure-tolerance';
import type { SelectItem } from './map-items';

export interface MapIterations {
  processor: PreparedMachine;
  selectItem: SelectItem;
  effective: Json;
  items: Json[];
  concurrency: number;
  /** `undefined`: the first failure fails the Map with the iteration's own error. */
  tolerance: Tolerance | undefined;
  /** A redrive: per index, a kept output (not run again), where the iteration goes on, or `null` (from its start). */
  resume?: readonly RedriveChild[];
}

/**
 * Inline Map iterations: each runs the processor in the parent execution (events in its history)
 * with its own variable scope; results in item order.
 */
export function runInlineIterations(run: MapIterations, frame: Frame, visit: StateVisit): Json[] | Promise<Json[]> {
  const { processor, selectItem, effective, items, tolerance } = run;
  let failed = 0;
  // A tolerated failure's place in the result holds its error output (as for Distributed children).
  const errorOutputs = new Map<number, Json>();
  const kinds = iterationEventKinds(visit.name);
  // The last event the iterations recorded: the Map's own events follow it (see the Parallel's `settle`).
  const last = { eventId: frame.previousEventId };
  let results: Json[] | Promise<Json[]>;
  try {
    results = runChildren({
      count: items.length,
      concurrency: run.concurrency,
      parent: frame.abort,
      onFailure: tolerance
        ? (index, error) => {
            if (!(error instanceof StatesError)) return error;
            failed++;
            errorOutputs.set(index, error.toErrorOutput() as Json);
            return exceedsTolerance(tolerance, failed, items.length) ? toleranceExceededError() : undefined;
          }
        : undefined,
      start: (index, abort) => {
        const planned = run.resume?.[index];
        if (planned && 'kept' in planned) return planned.kept;
        // No closures per iteration: under tsx (keepNames) each named closure costs a defineProperty.
        const iteration = childFrame(frame, abort, frame.previousEventId);
        recordCompact(iteration, kinds.started, index);
        try {
          let output: Json | Promise<Json>;
          if (planned) {
            resumeFrame(iteration, planned.resume);
            output = runMachine(processor, planned.resume.stateInput, iteration, resumeStart(processor, planned.resume.fromState));
          } else {
            const input = selectItem(effective, items[index], { index }, frame, visit);
            output = input instanceof Promise ? input.then((i) => runMachine(processor, i, iteration)) : runMachine(processor, input, iteration);
          }
          if (output instanceof Promise) {
            return output.then(
              (value) => {
                finishIteration(iteration, kinds.succeeded, index, last);
                return value;
              },
              (error: unknown) => failIteration(iteration, kinds, index, error, last),
            );
          }
          finishIteration(iteration, kinds.succeeded, index, last);
          return output;
        } catch (error) {
          return failIteration(iteration, kinds, index, error, last);
        }
      },
    });
  } catch (error) {
    frame.previousEventId = last.eventId;
    throw error;
  }
  const fill = (values: Json[]): Json[] => {
    frame.previousEventId = last.eventId;
    for (const [index, output] of errorOutputs) values[index] = output;
    return values;
  };
  return results instanceof Promise
    ? results.then(fill, (error: unknown) => {
        frame.previousEventId = last.eventId;
        throw error;
      })
    : fill(results);
}

/** The `{name, index}` events of one Map state's iterations, as compact history kinds. */
interface IterationEventKinds {
  started: number;
  succeeded: number;
  failed: number;
  aborted: number;
}

function iterationEventKinds(name: string): IterationEventKinds {
  return {
    started: eventKindCode('MapIterationStarted', EventShape.Iteration, name),
    succeeded: eventKindCode('MapIterationSucceeded', EventShape.Iteration, name),
    failed: eventKindCode('MapIterationFailed', EventShape.Iteration, name),
    aborted: eventKindCode('MapIterationAborted', EventShape.Iteration, name),
  };
}

/** Records an iteration's end (and keeps the latest end in `last`); its variables vanish with it. */
function finishIteration(iteration: Frame, kind: number, index: number, last: { eventId: number }): void {
  releaseVariableScope(iteration);
  const id = recordCompact(iteration, kind, index);
  if (id > last.eventId) last.eventId = id;
}

function failIteration(iteration: Frame, kinds: IterationEventKinds, index: number, error: unknown, last: { eventId: number }): never {
  finishIteration(iteration, error instanceof Aborted ? kinds.aborted : kinds.failed, index, last);
  throw error;
}
