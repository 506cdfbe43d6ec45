import type { Json, JsonObject } from '../../../asl/types';
import { formatTimestamp } from '../../clock/timestamp';
import { StatesError } from '../../errors';
import { ExecutionHistory } from '../../history/history';
import type { ChildExecutionRecord } from '../../map-run-io';
import { randomUuid } from '../../random/seeded-random';
import { AbortScope, Aborted } from '../../engine/abort-scope';
import { runChildren } from '../../engine/run-children';
import { runMachine } from '../../engine/run-machine';
import { resumeFrame, resumeStart } from '../../engine/redrive-resume';
import type { MapRunChildRedrive, MapRunKeptChild, MapRunRedriveChild } from '../../execution/types';
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
  /** `ProcessorConfig.ExecutionType: EXPRESS`: a redrive starts failed children anew (AWS: with StartExecution). */
  expressChildren?: boolean;
  /** A redrive of the Map Run: per child, its kept result, where a Standard child goes on, or `null` (started anew). */
  resume?: readonly MapRunRedriveChild[];
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
    start: (index, abort) => {
      const planned = run.resume?.[index];
      if (planned && 'kept' in planned) return keepChild(run, index, planned.kept, records, outputs);
      return runChild(run, runtime, index, abort, records, outputs, planned && !run.expressChildren ? planned.redrive : undefined);
    },
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

/** A child that succeeded in an earlier attempt of the Map Run: its result stands, nothing runs. */
function keepChild(run: MapRunChildren, index: number, kept: MapRunKeptChild, records: ChildExecutionRecord[], outputs: Json[]): Json {
  const executionArn = `${run.childStateMachineArn.replace(':stateMachine:', ':execution:')}:${kept.name}`;
  records[index] = {
    executionArn,
    name: kept.name,
    input: run.inputs[index],
    output: kept.output,
    status: 'SUCCEEDED',
    startDate: kept.startDate,
    stopDate: kept.stopDate,
    stateMachineArn: run.childStateMachineArn,
  };
  outputs[index] = kept.output;
  return kept.output;
}

function runChild(
  run: MapRunChildren,
  parent: ExecutionRuntime,
  index: number,
  abort: AbortScope,
  records: ChildExecutionRecord[],
  outputs: Json[],
  redrive: MapRunChildRedrive | undefined,
): Json | Promise<Json> {
  const input = run.inputs[index];
  // A redriven Standard child keeps its name and ARN (AWS redrives it); any other child is new.
  const name = redrive?.name ?? randomUuid(parent.random);
  const executionArn = `${run.childStateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  const startMs = parent.clock.now();
  const startDate = redrive?.startTime ?? formatTimestamp(startMs);
  const history = new ExecutionHistory(parent.clock, null);
  const executionContext: JsonObject = {
    Id: executionArn,
    Input: input,
    Name: name,
    RoleArn: parent.executionContext.RoleArn,
    StartTime: startDate,
    RedriveCount: redrive?.redriveCount ?? 0,
  };
  if (redrive) executionContext.RedriveTime = formatTimestamp(startMs);
  const runtime: ExecutionRuntime = {
    ...parent,
    history,
    executionContext,
    stateMachineContext: { Id: run.childStateMachineArn, Name: run.childStateMachineName },
  };
  const child = new MapRunExecution(executionArn, name, run.childStateMachineArn, input, startMs, runtime, redrive);
  run.mapRun.executions[index] = child;
  const started = redrive
    ? history.add('ExecutionRedriven', 0, { redriveCount: redrive.redriveCount })
    : history.add('ExecutionStarted', 0, { input, roleArn: String(parent.executionContext.RoleArn) });
  const frame: Frame = { runtime, history, variables: Object.create(null), abort, previousEventId: started };
  if (redrive) resumeFrame(frame, redrive);
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
    const output = redrive
      ? runMachine(run.processor, redrive.stateInput, frame, resumeStart(run.processor, redrive.fromState))
      : runMachine(run.processor, input, frame);
    return output instanceof Promise ? output.then(succeed, fail) : succeed(output);
  } catch (error) {
    return fail(error);
  }
}
