import type { HistoryEventType } from './history-event';

/** How a recorded event's details are kept (see {@link ExecutionHistory}). */
export const EventShape = {
  /** The event's reference is its `RecordedDetails` object (or `undefined`). */
  Details: 0,
  /** `{name, input}`: the name is the kind's, the reference is the input. */
  Entered: 1,
  /** `{name, output, assignedVariables}`: the name is the kind's, the reference is the output. */
  Exited: 2,
  /** `{name, index}` (Map iteration events): the name is the kind's, the reference is the index. */
  Iteration: 3,
} as const;
export type EventShape = (typeof EventShape)[keyof typeof EventShape];

/** An event type together with what its compact record leaves out: the state name and the details' shape. */
export interface EventKind {
  readonly type: HistoryEventType;
  readonly shape: EventShape;
  readonly name: string | undefined;
}

// Kinds are interned process-wide (a few per state of each prepared definition), so a recorded
// event stores one small integer instead of a type string, a name and a details object.
const kinds: EventKind[] = [];
const codes = new Map<string, number>();

/**
 * The code of an event kind, for {@link ExecutionHistory}'s compact records. Look it up once
 * (when a state is prepared), not per event.
 *
 * @example
 * const entered = eventKindCode('PassStateEntered', EventShape.Entered, 'Increment');
 * history.addCompact(entered, previousEventId, input);
 */
export function eventKindCode(type: HistoryEventType, shape: EventShape, name?: string): number {
  const key = `${shape}\u0000${type}\u0000${name ?? ''}`;
  let code = codes.get(key);
  if (code === undefined) {
    code = kinds.length;
    kinds.push({ type, shape, name });
    codes.set(key, code);
  }
  return code;
}

export function eventKind(code: number): EventKind {
  return kinds[code];
}
