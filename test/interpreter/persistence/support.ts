import type { Execution, ExecutionSnapshot, HistoryEvent } from '../../../src/interpreter';

export const START = '2024-01-01T00:00:00.000Z';
export const START_MS = Date.parse(START);
export const DAY = 24 * 3600 * 1000;

/** What a restart keeps: the snapshot as JSON text, parsed again. */
export function saved(execution: Execution): ExecutionSnapshot {
  return JSON.parse(JSON.stringify(execution.snapshot())) as ExecutionSnapshot;
}

/** A history as JSON (timestamps as text), for exact comparison. */
export function plain(history: HistoryEvent[]): unknown[] {
  return JSON.parse(JSON.stringify(history)) as unknown[];
}

export function callbackTask(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token', 'input.$': '$' } },
    ...extra,
  };
}

/** Lets the virtual clock reach `ms` after START (the clock moves only when everything else is idle). */
export function at(clock: { setTimer(ms: number, fire: () => void): unknown; now(): number }, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(START_MS + ms - clock.now(), resolve));
}
