import type { ExecutionDescription } from '../../interpreter/execution/execution';
import type { ExecutionResult, ExecutionStatus } from '../../interpreter/execution/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import type { ExecutionSnapshot } from '../../interpreter/persistence/snapshot-format';
import { restoreMapRuns, type MapRunView, type StoredMapRun } from './map-run-view';

/** What the API reads of an execution: a live interpreter `Execution`, or a {@link FinishedExecution} loaded from disk. */
export interface ExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly result: Promise<ExecutionResult>;
  describe(): ExecutionDescription;
  history(): HistoryEvent[];
  mapRuns(): MapRunView[];
  stop(error?: string, cause?: string): void;
  /** Set once the execution was redriven (see `RedrivenExecution`). */
  readonly redriveCount?: number;
  readonly redriveDate?: string;
}

/**
 * An execution that had ended before the server restarted, read back from its journal's end
 * snapshot and its Map Runs (children and their histories included): nothing is run again (its
 * history is the one clients already saw).
 */
export class FinishedExecution implements ExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly result: Promise<ExecutionResult>;
  private readonly events: HistoryEvent[];
  private readonly runs: MapRunView[];

  constructor(
    private readonly snapshot: ExecutionSnapshot & { result: ExecutionResult },
    /** Its Map Runs as the journal's end record kept them. */
    mapRuns?: readonly StoredMapRun[],
  ) {
    this.runs = restoreMapRuns(mapRuns);
    this.executionArn = snapshot.execution.arn;
    this.name = snapshot.execution.name;
    this.status = snapshot.result.status;
    this.result = Promise.resolve(snapshot.result);
    this.events = (snapshot.history as unknown as (HistoryEvent & { timestamp: string })[]).map((e) => ({ ...e, timestamp: new Date(e.timestamp) }));
  }

  describe(): ExecutionDescription {
    const { execution, result } = this.snapshot;
    const last = this.events.at(-1);
    const d: ExecutionDescription = {
      executionArn: execution.arn,
      stateMachineArn: this.snapshot.stateMachine.arn,
      name: execution.name,
      status: result.status,
      startDate: execution.startTime,
      input: execution.input,
    };
    d.stopDate = last ? last.timestamp!.toISOString() : this.snapshot.clockNow;
    if (result.output !== undefined) d.output = result.output;
    if (result.error !== undefined) d.error = result.error;
    if (result.cause !== undefined) d.cause = result.cause;
    return d;
  }

  history(): HistoryEvent[] {
    return this.events;
  }

  mapRuns(): MapRunView[] {
    return this.runs;
  }

  stop(): void {}
}
