import type { ExecutionDescription } from '../../interpreter/execution/execution';
import type { ExecutionStatus } from '../../interpreter/execution/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import type { MapRunChildRedrive } from '../../interpreter/execution/types';
import { endedMapRunError, type MapRun, type MapRunExecution, type MapRunItemCounts, type MapRunSettings, type MapRunStatus } from '../../interpreter/states/map/map-run';

/** What the API reads of a Map Run: the interpreter's live `MapRun`, or one read back from a journal. */
export type MapRunView = Pick<MapRun, 'mapRunArn' | 'stateName' | 'status' | 'startDate' | 'stopDate' | 'itemCounts' | 'updated' | 'update' | 'redriveCount' | 'redriveDate'> & {
  readonly executions: readonly (ChildExecutionView | undefined)[];
};

/** What the API reads of a Map Run's child execution. */
export type ChildExecutionView = Pick<MapRunExecution, 'executionArn' | 'name' | 'stateMachineArn' | 'status' | 'startDate' | 'stopDate' | 'describe' | 'history' | 'redrive' | 'redriveCount'> & {
  mapRuns(): MapRunView[];
};

/** A Map Run as `--data` keeps it in its execution's end record (children with their histories). */
export interface StoredMapRun {
  mapRunArn: string;
  stateName: string;
  status: MapRunStatus;
  startDate: string;
  stopDate?: string;
  total: number;
  updated: MapRunSettings;
  executions: (StoredChild | null)[];
  /** A redriven run: its redrive count and date, and how many children kept their results from earlier attempts. */
  redriveCount?: number;
  redriveDate?: string;
  keptChildren?: number;
}

interface StoredChild {
  description: ExecutionDescription;
  /** GetExecutionHistory's events, timestamps as ISO text. */
  history: unknown[];
  mapRuns: StoredMapRun[];
  /** The plan a redriven Standard child ran with. */
  redrive?: MapRunChildRedrive;
}

/** Map Runs as plain JSON (holes for children that never started become `null`). */
export function storeMapRuns(runs: readonly MapRunView[]): StoredMapRun[] {
  return runs.map((run) => ({
    mapRunArn: run.mapRunArn,
    stateName: run.stateName,
    status: run.status,
    startDate: run.startDate,
    ...(run.stopDate === undefined ? {} : { stopDate: run.stopDate }),
    total: run.itemCounts().total,
    updated: { ...run.updated },
    executions: Array.from(run.executions, (child) =>
      child
        ? {
            description: child.describe(),
            history: JSON.parse(JSON.stringify(child.history())) as unknown[],
            mapRuns: storeMapRuns(child.mapRuns()),
            ...(child.redrive ? { redrive: child.redrive } : {}),
          }
        : null,
    ),
    ...(run.redriveCount > 0 ? { redriveCount: run.redriveCount, redriveDate: run.redriveDate, keptChildren: keptOf(run) } : {}),
  }));
}

/** Children a redriven run kept from earlier attempts (counted as succeeded, not listed). */
function keptOf(run: MapRunView): number {
  const listed = run.executions.filter((child) => child?.status === 'SUCCEEDED').length;
  return run.itemCounts().succeeded - listed;
}

/** Map Runs read back from a journal: as they ended, nothing runs again. */
export function restoreMapRuns(stored: readonly StoredMapRun[] | undefined): MapRunView[] {
  return (stored ?? []).map((run) => new RestoredMapRun(run));
}

class RestoredMapRun implements MapRunView {
  readonly mapRunArn: string;
  readonly stateName: string;
  readonly status: MapRunStatus;
  readonly startDate: string;
  readonly stopDate: string | undefined;
  readonly updated: MapRunSettings;
  readonly executions: (ChildExecutionView | undefined)[];
  readonly redriveCount: number;
  readonly redriveDate: string | undefined;
  private readonly total: number;
  private readonly kept: number;

  constructor(stored: StoredMapRun) {
    this.redriveCount = stored.redriveCount ?? 0;
    this.redriveDate = stored.redriveDate;
    this.kept = stored.keptChildren ?? 0;
    this.mapRunArn = stored.mapRunArn;
    this.stateName = stored.stateName;
    this.status = stored.status;
    this.startDate = stored.startDate;
    this.stopDate = stored.stopDate;
    this.updated = stored.updated;
    this.total = stored.total;
    this.executions = stored.executions.map((child) => (child ? new RestoredChild(child) : undefined));
  }

  itemCounts(): MapRunItemCounts {
    const counts: MapRunItemCounts = { total: this.total, pending: 0, running: 0, succeeded: this.kept, failed: 0, timedOut: 0, aborted: 0 };
    let started = this.kept;
    for (const child of this.executions) {
      if (!child) continue;
      started++;
      const key = COUNTED[child.status];
      counts[key]++;
    }
    counts.pending = this.total - started;
    return counts;
  }

  /** The run has ended: nothing changes. */
  update(): void {
    throw endedMapRunError(this.mapRunArn, this.status);
  }
}

const COUNTED: Record<ExecutionStatus, keyof MapRunItemCounts> = {
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timedOut',
  ABORTED: 'aborted',
};

class RestoredChild implements ChildExecutionView {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly status: ExecutionStatus;
  readonly startDate: string;
  readonly stopDate: string | undefined;
  readonly redrive: MapRunChildRedrive | undefined;
  private readonly events: HistoryEvent[];
  private readonly runs: MapRunView[];

  constructor(private readonly stored: StoredChild) {
    this.redrive = stored.redrive;
    const d = stored.description;
    this.executionArn = d.executionArn;
    this.name = d.name;
    this.stateMachineArn = d.stateMachineArn;
    // A child still running when its parent ended was aborted with it.
    this.status = d.status === 'RUNNING' ? 'ABORTED' : d.status;
    this.startDate = d.startDate;
    this.stopDate = d.stopDate;
    this.events = (stored.history as (HistoryEvent & { timestamp: string })[]).map((e) => ({ ...e, timestamp: new Date(e.timestamp) }));
    this.runs = restoreMapRuns(stored.mapRuns);
  }

  get redriveCount(): number {
    return this.redrive?.redriveCount ?? 0;
  }

  describe(): ExecutionDescription {
    return { ...this.stored.description, status: this.status };
  }

  history(): HistoryEvent[] {
    return this.events;
  }

  mapRuns(): MapRunView[] {
    return this.runs;
  }
}
