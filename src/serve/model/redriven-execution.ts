import type { ExecutionDescription } from '../../interpreter/execution/execution';
import type { ExecutionRedrive, ExecutionResult, ExecutionStatus } from '../../interpreter/execution/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import type { ChildExecutionView, MapRunView } from './map-run-view';
import { countChildren, type MapRunItemCounts, type MapRunSettings, type MapRunStatus } from '../../interpreter/states/map/map-run';
import type { MapRunChildRedrive } from '../../interpreter/execution/types';
import type { ExecutionView } from './finished-execution';

/**
 * An execution after RedriveExecution, as the API shows it: one execution (same ARN, name, input
 * and start date) whose history is the earlier attempts' events, then `ExecutionRedriven` and the
 * redriven run's events numbered on from there. `current` is the redriven run (live, or read back
 * finished from its journal); `previous` the attempts before it (itself redriven after a second redrive).
 */
export class RedrivenExecution implements ExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly redriveCount: number;
  readonly redriveDate: string;

  constructor(
    readonly previous: ExecutionView,
    readonly current: ExecutionView,
    /** The plan the current run goes on with (a later redrive keeps what it kept). */
    readonly redrive: ExecutionRedrive,
  ) {
    this.executionArn = current.executionArn;
    this.name = current.name;
    this.redriveCount = redrive.redriveCount;
    this.redriveDate = redrive.redriveTime;
  }

  get status(): ExecutionStatus {
    return this.current.status;
  }

  get result(): Promise<ExecutionResult> {
    return this.current.result;
  }

  describe(): ExecutionDescription {
    const first = this.previous.describe();
    return { ...this.current.describe(), startDate: first.startDate, input: first.input };
  }

  history(): HistoryEvent[] {
    return joinHistories(this.previous.history(), this.current.history());
  }

  /** The Map Runs of every attempt; a redriven Map Run (same ARN) shows once, its attempts merged. */
  mapRuns(): MapRunView[] {
    return mergeMapRuns(this.previous.mapRuns(), this.current.mapRuns());
  }

  stop(error?: string, cause?: string): void {
    this.current.stop(error, cause);
  }
}

/** An attempt's history, then the redriven run's events numbered on from there. */
function joinHistories(before: HistoryEvent[], run: HistoryEvent[]): HistoryEvent[] {
  const offset = before.length;
  const after = run.map((event) => ({
    ...event,
    id: event.id! + offset,
    // `ExecutionRedriven` follows the end of the attempt it redrives.
    previousEventId: event.previousEventId === 0 ? offset : event.previousEventId! + offset,
  }));
  return [...before, ...after];
}

function mergeMapRuns(earlier: MapRunView[], current: MapRunView[]): MapRunView[] {
  const redriven = new Map(current.map((run) => [run.mapRunArn, run]));
  const merged = earlier.map((run) => {
    const again = redriven.get(run.mapRunArn);
    if (!again) return run;
    redriven.delete(run.mapRunArn);
    return new RedrivenMapRun(run, again);
  });
  return [...merged, ...redriven.values()];
}

/**
 * A Map Run after its parent's redrive, as DescribeMapRun and ListExecutions show it: one run (the
 * first attempt's ARN and start date) whose children are the redriven ones where they ran again,
 * the earlier attempt's elsewhere (a redriven Standard child shows its attempts as one execution).
 */
class RedrivenMapRun implements MapRunView {
  readonly mapRunArn: string;
  readonly stateName: string;
  readonly startDate: string;

  constructor(
    private readonly earlier: MapRunView,
    private readonly current: MapRunView,
  ) {
    this.mapRunArn = current.mapRunArn;
    this.stateName = current.stateName;
    this.startDate = earlier.startDate;
  }

  get status(): MapRunStatus {
    return this.current.status;
  }

  get stopDate(): string | undefined {
    return this.current.stopDate;
  }

  get updated(): MapRunSettings {
    return this.current.updated;
  }

  get redriveCount(): number {
    return this.current.redriveCount;
  }

  get redriveDate(): string | undefined {
    return this.current.redriveDate;
  }

  update(settings: MapRunSettings): void {
    this.current.update(settings);
  }

  get executions(): (ChildExecutionView | undefined)[] {
    const count = Math.max(this.earlier.executions.length, this.current.executions.length);
    const children: (ChildExecutionView | undefined)[] = [];
    for (let i = 0; i < count; i++) {
      const before = this.earlier.executions[i];
      const again = this.current.executions[i];
      if (before && again && before.executionArn === again.executionArn) children.push(new RedrivenChild(before, again));
      else children.push(again ?? before);
    }
    return children;
  }

  itemCounts(): MapRunItemCounts {
    return countChildren(this.current.itemCounts().total, 0, this.executions);
  }
}

/** A Standard Map Run child redriven with its Map Run: its attempts as one execution (as RedrivenExecution). */
class RedrivenChild implements ChildExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly startDate: string;

  constructor(
    private readonly earlier: ChildExecutionView,
    private readonly current: ChildExecutionView,
  ) {
    this.executionArn = current.executionArn;
    this.name = current.name;
    this.stateMachineArn = current.stateMachineArn;
    this.startDate = earlier.startDate;
  }

  get status(): ExecutionStatus {
    return this.current.status;
  }

  get stopDate(): string | undefined {
    return this.current.stopDate;
  }

  get redrive(): MapRunChildRedrive | undefined {
    return this.current.redrive;
  }

  get redriveCount(): number {
    return this.current.redriveCount;
  }

  describe(): ExecutionDescription {
    const first = this.earlier.describe();
    return {
      ...this.current.describe(),
      startDate: first.startDate,
      input: first.input,
    };
  }

  history(): HistoryEvent[] {
    return joinHistories(this.earlier.history(), this.current.history());
  }

  mapRuns(): MapRunView[] {
    return mergeMapRuns(this.earlier.mapRuns(), this.current.mapRuns());
  }
}
