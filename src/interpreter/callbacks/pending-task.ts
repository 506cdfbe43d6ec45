import type { Json } from '../../asl/types';

/**
 * A task attempt waiting for an answer from outside the interpreter, as plain data (no closures),
 * so a paused execution's open work can be listed, saved and re-registered after a restart.
 * Times are epoch milliseconds on the interpreter's clock.
 */
export interface PendingTask {
  taskToken: string;
  /** `callback`: `.waitForTaskToken`; `activity`: an activity ARN. */
  kind: 'callback' | 'activity';
  executionArn: string;
  stateName: string;
  /** `$$.State.RetryCount` of the attempt. */
  retryCount: number;
  /** The Task's `Resource`. */
  resource: string;
  /** The effective input the service (or worker) received. */
  input: Json;
  /** `SCHEDULED`: an activity task no worker has taken yet; `STARTED`: running (timers armed). */
  status: 'SCHEDULED' | 'STARTED';
  workerName?: string;
  scheduledAt: number;
  startedAt?: number;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** When the attempt fails with `States.Timeout` unless answered. */
  timeoutAt?: number;
  /** When the attempt fails with `States.Timeout` unless a heartbeat (or an answer) arrives. */
  heartbeatAt?: number;
}

/** How a task token's attempt ended. */
export type TaskTokenOutcome = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Which pending tasks a caller is interested in (every given field must match). */
export interface PendingTaskFilter {
  kind?: PendingTask['kind'];
  stateName?: string;
  executionArn?: string;
  resource?: string;
}

export function matchesFilter(task: PendingTask, filter: PendingTaskFilter | undefined): boolean {
  if (!filter) return true;
  return (
    (filter.kind === undefined || task.kind === filter.kind) &&
    (filter.stateName === undefined || task.stateName === filter.stateName) &&
    (filter.executionArn === undefined || task.executionArn === filter.executionArn) &&
    (filter.resource === undefined || task.resource === filter.resource)
  );
}
