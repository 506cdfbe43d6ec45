import type { Json } from '../../../asl/types';
import { StatesError } from '../../errors';
import { Aborted } from '../../engine/abort-scope';
import { childFrame } from '../../engine/child-frame';
import { runChildren } from '../../engine/run-children';
import { runMachine } from '../../engine/run-machine';
import { record, type Frame, type PreparedMachine, type StateVisit } from '../../engine/runtime';
import { releaseVariableScope } from '../../flow';
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
  const results = runChildren({
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
      const iteration = childFrame(frame, abort, frame.previousEventId);
      record(iteration, 'MapIterationStarted', { name: visit.name, index });
      const finish = (type: 'MapIterationSucceeded' | 'MapIterationFailed' | 'MapIterationAborted') => {
        releaseVariableScope(iteration);
        record(iteration, type, { name: visit.name, index });
      };
      const onError = (error: unknown): never => {
        finish(error instanceof Aborted ? 'MapIterationAborted' : 'MapIterationFailed');
        throw error;
      };
      try {
        const input = selectItem(effective, items[index], { index }, frame, visit);
        const output = input instanceof Promise ? input.then((i) => runMachine(processor, i, iteration)) : runMachine(processor, input, iteration);
        if (output instanceof Promise) {
          return output.then((value) => {
            finish('MapIterationSucceeded');
            return value;
          }, onError);
        }
        finish('MapIterationSucceeded');
        return output;
      } catch (error) {
        return onError(error);
      }
    },
  });
  const fill = (values: Json[]): Json[] => {
    for (const [index, output] of errorOutputs) values[index] = output;
    return values;
  };
  return results instanceof Promise ? results.then(fill) : fill(results);
}
