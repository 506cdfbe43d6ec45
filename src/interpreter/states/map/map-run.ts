import type { Json } from '../../../asl/types';
import { formatTimestamp } from '../../clock/timestamp';
import type { ExecutionRuntime } from '../../engine/runtime';
import type { ExecutionDescription } from '../../execution/execution';
import type { ExecutionStatus } from '../../execution/types';
import type { HistoryEvent } from '../../history/history-event';
import type { MapRunChildRedrive, MapRunRedriveChild } from '../../execution/types';
import { StepFunctionsApiError } from '../../callbacks/api-error';
import type { AnswerRecorder } from '../../persistence/answer-log';

/** A Distributed Map run's status. */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/**
 * One child workflow execution of a Distributed Map (`ListExecutions --map-run-arn` /
 * `DescribeExecution` / `GetExecutionHistory` on it).
 *
 * @example
 * const [run] = execution.mapRuns();
 * const child = run.executions[0];
 * child.describe().status; // 'SUCCEEDED'
 * child.history().map((e) => e.type); // ['ExecutionStarted', 'PassStateEntered', ...]
 */
export class MapRunExecution {
  status: ExecutionStatus = 'RUNNING';
  output: Json | undefined;
  error: string | undefined;
  cause: string | undefined;
  private stopMs: number | undefined;

  constructor(
    readonly executionArn: string,
    readonly name: string,
    readonly stateMachineArn: string,
    readonly input: Json,
    private readonly startMs: number,
    private readonly runtime: ExecutionRuntime,
    /** Set when this run redrives a Standard child of an earlier attempt of its Map Run (its history starts with `ExecutionRedriven`). */
    readonly redrive?: MapRunChildRedrive,
  ) {}

  /** How many times the child has been redriven (0: a first run). */
  get redriveCount(): number {
    return this.redrive?.redriveCount ?? 0;
  }

  /** Records how the child ended (called once, by the Map Run). */
  end(status: Exclude<ExecutionStatus, 'RUNNING'>, stopMs: number, outcome: { output?: Json; error?: string; cause?: string } = {}): void {
    this.status = status;
    this.stopMs = stopMs;
    this.output = outcome.output;
    this.error = outcome.error;
    this.cause = outcome.cause;
  }

  get startDate(): string {
    return formatTimestamp(this.startMs);
  }

  get stopDate(): string | undefined {
    return this.stopMs === undefined ? undefined : formatTimestamp(this.stopMs);
  }

  /** The child's own history (its events are not in the parent's), in `GetExecutionHistory` format. */
  history(): HistoryEvent[] {
    return this.runtime.history.events();
  }

  /** `DescribeExecution`'s answer for the child. */
  describe(): ExecutionDescription {
    const d: ExecutionDescription = {
      executionArn: this.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: this.name,
      status: this.status,
      startDate: this.startDate,
      input: this.input,
    };
    if (this.stopMs !== undefined) d.stopDate = formatTimestamp(this.stopMs);
    if (this.output !== undefined) d.output = this.output;
    if (this.error !== undefined) d.error = this.error;
    if (this.cause !== undefined) d.cause = this.cause;
    return d;
  }

  /** Map Runs started by Distributed Maps inside this child. */
  mapRuns(): MapRun[] {
    return mapRunsOf(this.runtime);
  }
}

/** What UpdateMapRun changes in a running Map Run. */
export interface MapRunSettings {
  /** 0: no limit (AWS's 10,000). */
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

/** Item counts of a Map Run, as `DescribeMapRun.itemCounts` reports them. */
export interface MapRunItemCounts {
  total: number;
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
}

/**
 * A Distributed Map's Map Run: its ARN, status, and its child executions in item (batch) order.
 * Children that never started (the run stopped first) are counted as pending and not listed.
 *
 * @example
 * const [run] = execution.mapRuns();
 * run.status;                 // 'SUCCEEDED'
 * run.itemCounts().succeeded; // 3
 */
export class MapRun {
  status: MapRunStatus = 'RUNNING';
  error: string | undefined;
  cause: string | undefined;
  /** Child executions by item (batch) index; holes for items that never started. */
  readonly executions: MapRunExecution[] = [];
  /** Items (or batches) the run was asked to process; known once they are read. */
  total = 0;
  /** Settings changed while the run goes on (UpdateMapRun); absent ones are the Map state's. */
  readonly updated: MapRunSettings = {};
  /** How many times the Map Run has been redriven (its parent's redrives that went on with it). */
  redriveCount = 0;
  /** ISO 8601: the latest redrive, if any. */
  redriveDate: string | undefined;
  /** Children that succeeded in an earlier attempt and keep their results: counted as succeeded, not listed in `executions`. */
  keptChildren = 0;
  private stopMs: number | undefined;
  private startMore: (() => void) | undefined;

  constructor(
    readonly mapRunArn: string,
    /** The Distributed Map state that started the run. */
    readonly stateName: string,
    private readonly startMs: number,
    /** The execution's answer log: an update is an answer from outside, replayed by a resumed execution. */
    private readonly recorder?: Pick<AnswerRecorder, 'mapRunUpdated'>,
  ) {}

  get startDate(): string {
    return formatTimestamp(this.startMs);
  }

  get stopDate(): string | undefined {
    return this.stopMs === undefined ? undefined : formatTimestamp(this.stopMs);
  }

  /**
   * UpdateMapRun: a new `maxConcurrency` (0: no limit) takes effect at once (more children start
   * when it grew; when it shrank, no new child starts until fewer run); new failure tolerances
   * apply from the next failure on. Only a running Map Run changes (AWS: "Updates an in-progress
   * Map Run's configuration"); one that ended throws a `ValidationException`. The change is
   * recorded in the execution's snapshot, so a resumed execution makes it at the same point.
   *
   * @example
   * run.update({ maxConcurrency: 50, toleratedFailurePercentage: 10 });
   */
  update(settings: MapRunSettings): void {
    if (this.status !== 'RUNNING') throw endedMapRunError(this.mapRunArn, this.status);
    const changed: MapRunSettings = {};
    for (const key of ['maxConcurrency', 'toleratedFailureCount', 'toleratedFailurePercentage'] as const) {
      if (settings[key] !== undefined) changed[key] = this.updated[key] = settings[key];
    }
    this.recorder?.mapRunUpdated(this.mapRunArn, changed);
    this.startMore?.();
  }

  /** Called by the Distributed Map running the children (see {@link update}). */
  onStartMore(startMore: () => void): void {
    this.startMore = startMore;
  }

  /** Marks this run as a redrive of the Map Run with the same ARN (called before its children start). */
  redriven(redriveCount: number, nowMs: number, children: readonly MapRunRedriveChild[]): void {
    this.redriveCount = redriveCount;
    this.redriveDate = formatTimestamp(nowMs);
    this.keptChildren = children.filter((child) => child !== null && 'kept' in child).length;
  }

  end(status: Exclude<MapRunStatus, 'RUNNING'>, stopMs: number, error?: string, cause?: string): void {
    this.startMore = undefined;
    this.status = status;
    this.stopMs = stopMs;
    this.error = error;
    this.cause = cause;
  }

  itemCounts(): MapRunItemCounts {
    return countChildren(this.total, this.keptChildren, this.executions);
  }
}

/**
 * A Map Run's item counts from its children: `kept` succeeded in an earlier attempt (a redrive
 * does not run them again), each started child counts by its status, the rest are pending.
 */
export function countChildren(total: number, kept: number, children: readonly ({ status: string } | undefined)[]): MapRunItemCounts {
  const counts: MapRunItemCounts = { total, pending: 0, running: 0, succeeded: kept, failed: 0, timedOut: 0, aborted: 0 };
  let started = kept;
  for (const child of children) {
    if (!child) continue;
    started++;
    if (child.status === 'RUNNING') counts.running++;
    else if (child.status === 'SUCCEEDED') counts.succeeded++;
    else if (child.status === 'FAILED') counts.failed++;
    else if (child.status === 'TIMED_OUT') counts.timedOut++;
    else counts.aborted++;
  }
  counts.pending = total - started;
  return counts;
}

// Map Runs per execution, beside the runtime so the engine's hot path carries nothing extra.
const runsByExecution = new WeakMap<ExecutionRuntime, MapRun[]>();

/** UpdateMapRun on a Map Run that has ended (AWS: "Updates an in-progress Map Run's configuration"). */
export function endedMapRunError(mapRunArn: string, status: MapRunStatus): StepFunctionsApiError {
  return new StepFunctionsApiError('ValidationException', `Map Run '${mapRunArn}' has ended (${status}); only a running Map Run can be updated.`);
}

/** Map Runs whose child executions may start Map Runs of their own (live runs, or runs read back from a journal). */
export interface MapRunTree<R> {
  readonly executions: readonly ({ mapRuns(): R[] } | null | undefined)[];
}

/**
 * The first Map Run `accept` takes, looking depth first through `runs` and the Map Runs of their
 * child executions.
 *
 * @example
 * const run = findMapRun(execution.mapRuns(), (run) => run.mapRunArn === arn);
 */
export function findMapRun<R extends MapRunTree<R>>(runs: readonly R[], accept: (run: R) => boolean): R | undefined {
  for (const run of runs) {
    if (accept(run)) return run;
    for (const child of run.executions) {
      const found = child ? findMapRun(child.mapRuns(), accept) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Registers a Map Run started by a Distributed Map of the execution `runtime` belongs to. */
export function registerMapRun(runtime: ExecutionRuntime, run: MapRun): void {
  const runs = runsByExecution.get(runtime);
  if (runs) runs.push(run);
  else runsByExecution.set(runtime, [run]);
}

/** The Map Runs an execution started, in start order. */
export function mapRunsOf(runtime: ExecutionRuntime): MapRun[] {
  return runsByExecution.get(runtime) ?? [];
}
