import type { ExecutionDescription } from '../../interpreter/execution/execution';
import type { ExecutionRedrive, ExecutionResult, ExecutionStatus } from '../../interpreter/execution/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import type { MapRunView } from './map-run-view';
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
    redrive: ExecutionRedrive,
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
    const before = this.previous.history();
    const offset = before.length;
    const after = this.current.history().map((event) => ({
      ...event,
      id: event.id! + offset,
      // `ExecutionRedriven` follows the end of the attempt it redrives.
      previousEventId: event.previousEventId === 0 ? offset : event.previousEventId! + offset,
    }));
    return [...before, ...after];
  }

  mapRuns(): MapRunView[] {
    return [...this.previous.mapRuns(), ...this.current.mapRuns()];
  }

  stop(error?: string, cause?: string): void {
    this.current.stop(error, cause);
  }
}
