/**
 * Timestamps as Step Functions shows them in the context object (`$$.Execution.StartTime`,
 * `$$.State.EnteredTime`): ISO 8601 UTC with milliseconds, e.g. `2024-01-01T00:00:00.000Z`.
 */
export function formatTimestamp(ms: number): string {
  // Virtual time often stands still across many states: reuse the last text.
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms).toISOString();
  }
  return lastText;
}

let lastMs = Number.NaN;
let lastText = '';

/** Parses a start time given as ISO text, a Date or epoch milliseconds; throws a clear error otherwise. */
export function parseStartTime(value: string | number | Date): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new Error(`Invalid startTime '${String(value)}': give an ISO 8601 string (e.g. '2024-01-01T00:00:00Z'), a Date or epoch milliseconds.`);
  }
  return ms;
}
