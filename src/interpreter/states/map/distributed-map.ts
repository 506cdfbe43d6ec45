import type { Json, JsonObject } from '../../../asl/types';
import { formatTimestamp } from '../../clock/timestamp';
import { StatesError } from '../../errors';
import { ExecutionHistory } from '../../history/history';
import type { ChildExecutionRecord } from '../../map-run-io';
import { randomUuid } from '../../random/seeded-random';
import { AbortScope, Aborted } from '../../engine/abort-scope';
import { runChildren } from '../../engine/run-children';
import { runMachine } from '../../engine/run-machine';
import type { ExecutionRuntime, Frame, PreparedMachine } from '../../engine/runtime';
import { exceedsTolerance, toleranceExceededError, type Tolerance } from './failure-tolerance';
import { MapRunExecution, type MapRun, type MapRunSettings } from './map-run';
import { LIMITS } from '../../../asl/limits';


export interface MapRunChildren {
  processor: PreparedMachine;
  /** The child inputs (items or batches), already selected. */
  inputs: Json[];
  concurrency: number;
  tolerance: Tolerance;
  /** The Map Run the children belong to (it lists them as they start). */
  mapRun: MapRun;
  /** `arn:…:stateMachine:<parent>/<label>` */
  childStateMachineArn: string;
  childStateMachineName: string;
}

export interface MapRunOutcome {
  records: ChildExecutionRecord[];
  /** Outputs in item order (failed children: their error output). */
  outputs: Json[];
}

/**
 * Runs a Distributed Map's children as child executions: each has its own history, its own
 * `$$.Execution`, and no access to the parent's variables. Fails with
 * `States.ExceedToleratedFailureThreshold` once failures exceed the tolerance.
 */
export function runMapRunChildren(run: MapRunChildren, frame: Frame): Promise<MapRunOutcome> {
  const { runtime } = frame;
  const records: ChildExecutionRecord[] = new Array(run.inputs.length);
  const outputs: Json[] = new Array(run.inputs.length);
  run.mapRun.total = run.inputs.length;
  let failed = 0;
  const { updated } = run.mapRun;
  const result = runChildren({
    count: run.inputs.length,
    // Read at every start: UpdateMapRun may change it while the run goes on.
    get concurrency() {
      if (updated.maxConcurrency === undefined) return run.concurrency;
      return updated.maxConcurrency > 0 ? updated.maxConcurrency : LIMITS.distributedMapConcurrency;
    },
    parent: frame.abort,
    onFailure: (_index, error) => {
      if (!(error instanceof StatesError)) return error;
      failed++;
      return exceedsTolerance(currentTolerance(run.tolerance, updated), failed, run.inputs.length) ? toleranceExceededError() : undefined;
    },
    onStartMore: (startMore) => run.mapRun.onStartMore(startMore),
    start: (index, abort) => runChild(run, runtime, index, abort, records, outputs),
  });
  return Promise.resolve(result).then(() => ({ records, outputs }));
}

/** The Map state's tolerance with what UpdateMapRun changed over it. */
function currentTolerance(tolerance: Tolerance, updated: MapRunSettings): Tolerance {
  return {
    count: updated.toleratedFailureCount ?? tolerance.count,
    percentage: updated.toleratedFailurePercentage ?? tolerance.percentage,
  };
}

function runChild(
  run: MapRunChildren,
  parent: ExecutionRuntime,
  index: number,
  abort: AbortScope,
  records: ChildExecutionRecord[],
  outputs: Json[],
): Json | Promise<Json> {
  const input = run.inputs[index];
  const name = randomUuid(parent.random);
  const executionArn = `${run.childStateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  const startMs = parent.clock.now();
  const startDate = formatTimestamp(startMs);
  const history = new ExecutionHistory(parent.clock, null);
  const runtime: ExecutionRuntime = {
    ...parent,
    history,
    executionContext: {
      Id: executionArn,
      Input: input,
      Name: name,
      RoleArn: parent.executionContext.RoleArn,
      StartTime: startDate,
      RedriveCount: 0,
    },
    stateMachineContext: { Id: run.childStateMachineArn, Name: run.childStateMachineName },
  };
  const child = new MapRunExecution(executionArn, name, run.childStateMachineArn, input, startMs, runtime);
  run.mapRun.executions[index] = child;
  const started = history.add('ExecutionStarted', 0, { input, roleArn: String(parent.executionContext.RoleArn) });
  const frame: Frame = { runtime, history, variables: Object.create(null), abort, previousEventId: started };
  const base = { executionArn, name, input, startDate, stateMachineArn: run.childStateMachineArn };
  const succeed = (output: Json): Json => {
    history.add('ExecutionSucceeded', history.lastEventId, { output });
    const stopMs = parent.clock.now();
    child.end('SUCCEEDED', stopMs, { output });
    records[index] = { ...base, output, status: 'SUCCEEDED', stopDate: formatTimestamp(stopMs) };
    outputs[index] = output;
    return output;
  };
  const fail = (error: unknown): never => {
    const stopMs = parent.clock.now();
    const stopDate = formatTimestamp(stopMs);
    if (error instanceof StatesError) {
      const outcome = { error: error.error ?? undefined, cause: error.cause ?? undefined };
      history.add('ExecutionFailed', history.lastEventId, outcome);
      child.end('FAILED', stopMs, outcome);
      records[index] = { ...base, status: 'FAILED', ...outcome, stopDate };
      outputs[index] = error.toErrorOutput() as JsonObject;
    } else if (error instanceof Aborted) {
      history.add('ExecutionAborted', history.lastEventId);
      child.end('ABORTED', stopMs);
      records[index] = { ...base, status: 'ABORTED', stopDate };
    }
    throw error;
  };
  try {
    const output = runMachine(run.processor, input, frame);
    return output instanceof Promise ? output.then(succeed, fail) : succeed(output);
  } catch (error) {
    return fail(error);
  }
}
