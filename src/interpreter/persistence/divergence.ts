import type { Json, JsonObject } from '../../asl/types';

/**
 * Resuming failed because running the execution again does not reproduce its saved history
 * (the definition changed, or the snapshot was edited). `eventId` is the first event that
 * differs (or the event the replay could not reach).
 */
export class ReplayDivergenceError extends Error {
  constructor(
    message: string,
    readonly eventId: number,
  ) {
    super(message);
    this.name = 'ReplayDivergenceError';
  }
}

/**
 * Compares the replayed history with the saved one and explains the first difference; `why`
 * says what the replay was doing when it noticed.
 */
export function describeDivergence(executionName: string, saved: readonly Json[], replayed: readonly Json[], why: string): ReplayDivergenceError {
  const prefix = `Cannot resume execution '${executionName}': replaying it does not reproduce its saved history`;
  const hint = 'Resume with the definition the execution ran (a changed definition cannot take over a running execution).';
  for (let i = 0; i < saved.length && i < replayed.length; i++) {
    if (JSON.stringify(saved[i]) === JSON.stringify(replayed[i])) continue;
    return new ReplayDivergenceError(
      `${prefix}. At event ${i + 1} the snapshot has ${describeEvent(saved, i)}, but the replay recorded ${describeEvent(replayed, i)}${difference(saved[i], replayed[i])}. ${hint}`,
      i + 1,
    );
  }
  if (replayed.length < saved.length) {
    return new ReplayDivergenceError(
      `${prefix}. The replay stopped after event ${replayed.length} (${why}), while the snapshot continues with ${describeEvent(saved, replayed.length)} as event ${replayed.length + 1}. ${hint}`,
      replayed.length + 1,
    );
  }
  return new ReplayDivergenceError(`${prefix}: ${why}. ${hint}`, replayed.length);
}

/** `TaskStateEntered of state 'X'`, or for events without a state name `TaskScheduled (in state 'X')` (the state the thread last entered). */
function describeEvent(events: readonly Json[], index: number): string {
  const event = events[index];
  if (!isObject(event)) return 'nothing';
  const name = stateName(event);
  if (name !== undefined) return `${String(event.type)} of state '${name}'`;
  const entered = enteredState(events, event);
  return entered === undefined ? String(event.type) : `${String(event.type)} (in state '${entered}')`;
}

function stateName(event: JsonObject): string | undefined {
  const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1];
  return isObject(details) && typeof details.name === 'string' ? details.name : undefined;
}

/** Follows `previousEventId` back to the nearest `*StateEntered` event. */
function enteredState(events: readonly Json[], event: JsonObject): string | undefined {
  let current: Json | undefined = event;
  for (let steps = 0; isObject(current) && steps < events.length; steps++) {
    if (typeof current.type === 'string' && current.type.endsWith('StateEntered')) return stateName(current);
    const previous: Json | undefined = current.previousEventId;
    current = typeof previous === 'number' && previous > 0 ? events[previous - 1] : undefined;
  }
  return undefined;
}

/** For two events of the same type, the first detail field that differs. */
function difference(saved: Json, replayed: Json): string {
  if (!isObject(saved) || !isObject(replayed) || saved.type !== replayed.type) return '';
  for (const key of new Set([...Object.keys(saved), ...Object.keys(replayed)])) {
    const a = saved[key];
    const b = replayed[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (isObject(a) && isObject(b)) {
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) return ` (${key}.${field}: ${shorten(a[field])} in the snapshot, ${shorten(b[field])} in the replay)`;
      }
    }
    return ` (${key}: ${shorten(a)} in the snapshot, ${shorten(b)} in the replay)`;
  }
  return '';
}

function shorten(value: Json | undefined): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
