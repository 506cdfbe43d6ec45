import type { ExecutionDescription } from '../../interpreter/execution/execution';
import type { ExecutionResult, ExecutionStatus } from '../../interpreter/execution/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import type { ExecutionSnapshot } from '../../interpreter/persistence/snapshot-format';
import type { MapRun } from '../../interpreter/states/map/map-run';

/** What the API reads of an execution: a live interpreter `Execution`, or a {@link FinishedExecution} loaded from disk. */
export interface ExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly result: Promise<ExecutionResult>;
  describe(): ExecutionDescription;
  history(): HistoryEvent[];
  mapRuns(): MapRun[];
  stop(error?: string, cause?: string): void;
}

/**
 * An execution that had ended before the server restarted, read back from its journal's end
 * snapshot: nothing is run again (its history is the one clients already saw). Its Map Runs'
 * child executions are not kept on disk.
 */
export class FinishedExecution implements ExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly result: Promise<ExecutionResult>;
  private readonly events: HistoryEvent[];

  constructor(private readonly snapshot: ExecutionSnapshot & { result: ExecutionResult }) {
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

  mapRuns(): MapRun[] {
    return [];
  }

  stop(): void {}
}
