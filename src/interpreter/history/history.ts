import type { Json } from '../../asl/types';
import type { Clock } from '../clock/clock';
import { StatesError } from '../errors';
import { eventKind, eventKindCode, EventShape } from './event-kinds';
import { renderEvent, type HistoryEvent, type HistoryEventType, type RecordedDetails, type RecordedEvent } from './history-event';
import { LIMITS } from '../../asl/limits';
import { bigJsonBytesMeasured, knownJsonByteSize } from '../json/json-size';
import { defineLazyJson, JsonStore, StoredJson } from './stored-json';

// Kind codes of detail-object events, by type (looked up per generic event).
const detailsKinds = new Map<HistoryEventType, number>();

function detailsKind(type: HistoryEventType): number {
  let code = detailsKinds.get(type);
  if (code === undefined) {
    code = eventKindCode(type, EventShape.Details);
    detailsKinds.set(type, code);
  }
  return code;
}

/**
 * Chunk capacities: the first chunk is small (a typed array of at most 64 bytes lives inside the
 * garbage-collected heap, cheap to allocate; most histories are short), then each chunk doubles
 * up to the largest. Chunks are never copied or resized once allocated.
 */
const FIRST_CHUNK_SIZE = 64;
const LARGEST_CHUNK_SIZE = 4096;

// An event's code (one byte) is its kind relative to the history's base kind, shifted left by
// two, plus these flags; kinds outside the window are stored whole, in order, in `escapes`.
/** The previous event is the one recorded just before (true of most events outside Parallel/Map). */
const FOLLOWS = 1;
/** The reference is the same value as the last one stored (a state's output is the next state's input). */
const SAME_REFERENCE = 2;
/** Relative kinds 0..62 fit in the code; 63 means "see `escapes`". */
const ESCAPE = 63;
/**
 * The kinds of one definition's states are interned together (consecutive codes), so centring the
 * window on the first state event's kind keeps nearly every event's kind inside it.
 */
const WINDOW_BEFORE = 31;

const HISTORY_LIMIT_CAUSE = 'The execution history reached the limit of';

/** The cause of a Standard execution that ends at its history event limit (one owner of the sentence). */
export function historyLimitCause(maxEvents: number | null): string {
  return `${HISTORY_LIMIT_CAUSE} ${maxEvents} events.`;
}

/** Whether an execution ended at its history event limit (AWS will not redrive it), read from its error and cause. */
export function endedAtHistoryLimit(error: string | undefined, cause: string | undefined): boolean {
  return error === 'States.Runtime' && cause?.includes(HISTORY_LIMIT_CAUSE) === true;
}

/**
 * Once this much big JSON (values over 4 KiB, see `knownJsonByteSize`) has been measured since the
 * history began, its big payloads are stored as text ({@link StoredJson}). Until then nothing per
 * event is spent on it: histories of small payloads (nearly all) never pay, and what a history
 * holds by reference before it switches is bounded by this.
 */
const COMPACT_AFTER_BYTES = 8 * 1024 * 1024;
let compactAfterBytesNow = COMPACT_AFTER_BYTES;

/**
 * Runs `run` with histories created during it switching to text after `bytes` instead of
 * {@link COMPACT_AFTER_BYTES}: a test seam, so a test proves the switch with a few hundred KB of
 * results instead of 8 MiB (internal, not part of the public API).
 */
export function withCompactAfterBytes<T>(bytes: number, run: () => T): T {
  const before = compactAfterBytesNow;
  compactAfterBytesNow = bytes;
  try {
    return run();
  } finally {
    compactAfterBytesNow = before;
  }
}

/**
 * One chunk of events: a code per event, and, in recording order, only the previous ids and
 * references the flags do not already say.
 */
class HistoryChunk {
  readonly codes: Uint8Array;
  readonly previous: number[] = [];
  readonly escapes: number[] = [];
  readonly references: unknown[] = [];
  size = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
  }
}

/**
 * An execution's event history, kept compact: per event a 1-byte code (kind = type + state name +
 * details shape, see {@link eventKindCode}), plus its previous event id only when that is not the
 * event just before, plus one reference (the state's input or output, a Map iteration's index, or
 * the details object of rarer events) only when it differs from the last one stored. JSON values
 * are kept by reference (they are immutable inside the interpreter); timestamps are kept as runs
 * of equal times. Appending is O(1), never copies and allocates nothing per event: a Pass + Choice
 * loop costs 12 bytes an iteration (4 events) besides its payloads.
 * {@link ExecutionHistory.events} builds AWS's `GetExecutionHistory` objects only when read.
 *
 * Payloads: once big ones flow ({@link COMPACT_AFTER_BYTES}), each payload over 4 KiB is kept as
 * its JSON text, once per value and sharing the text of values nested in it ({@link JsonStore}):
 * what AWS keeps, in about half the memory of parsed records, and the parsed value is released as
 * soon as the execution's state data moves on (issue 8: a loop of 250 KB results kept 916 MB).
 */
export class ExecutionHistory {
  private readonly chunks: HistoryChunk[] = [];
  private current: HistoryChunk | undefined;
  private lastReference: unknown = undefined;
  /** Kinds are stored relative to this (see {@link ESCAPE}); set by the first compact event. */
  private baseKind = -1;
  /**
   * Timestamps as runs: `runStarts[k]` is the index of the first event recorded at `runTimes[k]`.
   * Time often stands still across many events (always, on the virtual clock, between Waits).
   */
  private readonly runStarts: number[] = [];
  private readonly runTimes: number[] = [];
  private lastTime = Number.NaN;
  /** `assignedVariables` of the (few) Exited events that assign, by event id (created on the first). */
  private assigned: Map<number, Record<string, Json>> | undefined;
  private count = 0;
  private kept = 0;
  /** Ids refused at the limit are skipped: the kept-event index before which each one was. */
  private readonly skippedIds: number[] = [];
  /** Set once big payloads flow (see {@link COMPACT_AFTER_BYTES}): from then on they are stored as text. */
  private store: JsonStore | undefined;
  /** The process's count of big JSON measured (see `bigJsonBytesMeasured`) at which this history starts storing text. */
  private readonly storeFrom: number;
  private whenStoring: ((store: JsonStore) => void) | undefined;

  constructor(
    private readonly clock: Clock,
    /** `null` = unlimited (Express keeps no history on AWS, so no limit applies there). */
    private readonly maxEvents: number | null = LIMITS.historyEvents,
    /** `false`: events are numbered (ids still chain) but not kept — for benchmarks and huge Express runs. */
    private readonly keep: boolean = true,
    /** What the execution's failure says when the limit is reached. */
    private readonly limitCause: string = historyLimitCause(maxEvents),
    /** See {@link COMPACT_AFTER_BYTES} (0: store big payloads as text from the first event). */
    compactAfterBytes: number = compactAfterBytesNow,
  ) {
    this.storeFrom = bigJsonBytesMeasured() + compactAfterBytes;
  }

  /**
   * `listener` gets the history's {@link JsonStore} once the history starts storing big payloads
   * as text (at once if it already has): the answer log then stores the mock results it keeps in
   * the same store, so a result is kept once for both.
   */
  onStoringJson(listener: (store: JsonStore) => void): void {
    if (this.store) listener(this.store);
    else this.whenStoring = listener;
  }

  /** The time of the latest kept event (epoch ms); `undefined` before the first, or when events are not kept. */
  get lastEventTime(): number | undefined {
    return Number.isNaN(this.lastTime) ? undefined : this.lastTime;
  }

  /** Appends an event and returns its id. Throws `States.Runtime` once the limit is exceeded. */
  add(type: HistoryEventType, previousEventId: number, details?: RecordedDetails): number {
    if (this.maxEvents !== null && this.count >= this.maxEvents - 1 && !isExecutionEnd(type)) throw this.limitReached();
    return this.append(detailsKind(type), previousEventId, details, true);
  }

  /**
   * Appends an event of a kind from {@link eventKindCode} (never an execution's end):
   * `reference` is the state input (Entered), output (Exited) or iteration index (Iteration).
   */
  addCompact(kind: number, previousEventId: number, reference: Json, assignedVariables?: Record<string, Json>): number {
    // The last of the `maxEvents` ids belongs to the execution's end: on AWS event #25,000 can be
    // ExecutionSucceeded, but no other event (issue 8: we allowed 25,001).
    if (this.maxEvents !== null && this.count >= this.maxEvents - 1) throw this.limitReached();
    if (this.baseKind < 0) this.baseKind = Math.max(0, kind - WINDOW_BEFORE);
    const id = this.append(kind, previousEventId, reference, false);
    if (assignedVariables !== undefined && this.keep) {
      (this.assigned ??= new Map()).set(id, this.store ? storedVariables(this.store, assignedVariables) : assignedVariables);
    }
    return id;
  }

  private limitReached(): StatesError {
    // The refused event still takes its id (the execution's end event follows it).
    this.count++;
    if (this.keep) this.skippedIds.push(this.kept);
    return new StatesError('States.Runtime', this.limitCause);
  }

  /** `isDetails`: the reference is a details object (else a JSON value or an iteration index). */
  private append(kind: number, previousEventId: number, reference: unknown, isDetails: boolean): number {
    const id = ++this.count;
    if (!this.keep) return id;
    const index = this.kept++;
    const now = this.clock.now();
    if (now !== this.lastTime) {
      this.lastTime = now;
      this.runStarts.push(index);
      this.runTimes.push(now);
    }
    let chunk = this.current;
    if (chunk === undefined || chunk.size === chunk.codes.length) {
      chunk = this.current = new HistoryChunk(chunk === undefined ? FIRST_CHUNK_SIZE : Math.min(2 * chunk.codes.length, LARGEST_CHUNK_SIZE));
      this.chunks.push(chunk);
    }
    const relative = kind - this.baseKind;
    let code: number;
    if (relative >= 0 && relative < ESCAPE && this.baseKind >= 0) code = relative << 2;
    else {
      code = ESCAPE << 2;
      chunk.escapes.push(kind);
    }
    if (previousEventId === id - 1) code |= FOLLOWS;
    else chunk.previous.push(previousEventId);
    // Each chunk stores its first reference, so a chunk reads on its own.
    if (reference === this.lastReference && chunk.size > 0) code |= SAME_REFERENCE;
    else {
      // Only a new reference can be a new big payload, so only here is the switch to text looked at.
      const store = this.store ?? (bigJsonBytesMeasured() >= this.storeFrom ? this.startStoring() : undefined);
      chunk.references.push(store === undefined ? reference : isDetails ? storedDetails(store, reference as RecordedDetails | undefined) : storedValue(store, reference));
      this.lastReference = reference;
    }
    chunk.codes[chunk.size++] = code;
    return id;
  }

  private startStoring(): JsonStore {
    const store = (this.store = new JsonStore());
    this.whenStoring?.(store);
    this.whenStoring = undefined;
    return store;
  }

  /** Events recorded so far (also counted when they are not kept). */
  get size(): number {
    return this.count;
  }

  get lastEventId(): number {
    return this.count;
  }

  /**
   * The recorded events with their JSON values by reference (built on each call); payloads stored
   * as text are parsed when a reader first reads them.
   */
  recordedEvents(): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    if (this.store === undefined) this.forEachEvent((event) => events.push(event));
    else this.forEachEvent((event) => events.push(withParsedPayloads(event)));
    return events;
  }

  /** The history in AWS's `GetExecutionHistory` format (payloads stored as text are given as that text). */
  events(): HistoryEvent[] {
    const events: HistoryEvent[] = [];
    if (this.store === undefined) this.forEachEvent((event) => events.push(renderEvent(event)));
    else {
      // One text per stored value, so the events that carry it (a state's output, the next
      // state's input) share one string however a reader later flattens or copies it.
      const texts = new Map<StoredJson, string>();
      this.forEachEvent((event) => events.push(renderEvent(event, texts)));
    }
    return events;
  }

  /** Decodes the events in order (previous ids, references and times are stored relative to it). */
  private forEachEvent(visit: (event: RecordedEvent) => void): void {
    let index = 0;
    let id = 0;
    let run = -1;
    let skipped = 0;
    let reference: unknown;
    for (const chunk of this.chunks) {
      let previousAt = 0;
      let referenceAt = 0;
      let escapeAt = 0;
      for (let slot = 0; slot < chunk.size; slot++, index++) {
        const code = chunk.codes[slot];
        id++;
        while (skipped < this.skippedIds.length && this.skippedIds[skipped] === index) {
          id++;
          skipped++;
        }
        while (run + 1 < this.runStarts.length && this.runStarts[run + 1] <= index) run++;
        const previousEventId = code & FOLLOWS ? id - 1 : chunk.previous[previousAt++];
        if (!(code & SAME_REFERENCE)) reference = chunk.references[referenceAt++];
        const relative = code >>> 2;
        const kind = relative === ESCAPE ? chunk.escapes[escapeAt++] : this.baseKind + relative;
        visit(this.decode(id, previousEventId, this.runTimes[run], kind, reference));
      }
    }
  }

  private decode(id: number, previousEventId: number, timestamp: number, kindCode: number, reference: unknown): RecordedEvent {
    const kind = eventKind(kindCode);
    const event: RecordedEvent = { id, previousEventId, timestamp, type: kind.type };
    switch (kind.shape) {
      case EventShape.Entered:
        event.details = { name: kind.name, input: reference as Json };
        break;
      case EventShape.Exited: {
        const details: RecordedDetails = { name: kind.name, output: reference as Json };
        const assigned = this.assigned?.get(id);
        if (assigned !== undefined) details.assignedVariables = assigned;
        event.details = details;
        break;
      }
      case EventShape.Iteration:
        event.details = { name: kind.name, index: reference as number };
        break;
      default:
        if (reference !== undefined) event.details = reference as RecordedDetails;
    }
    return event;
  }
}

/** Payload fields of details objects (the rest are names, numbers and short texts). */
const PAYLOAD_FIELDS = ['input', 'output', 'parameters'] as const;

/** A big JSON value (its size known to be over 4 KiB) as stored text; anything else as it is. */
function storedValue(store: JsonStore, value: unknown): unknown {
  return typeof value === 'object' && value !== null && knownJsonByteSize(value) !== undefined ? store.store(value) : value;
}

function storedDetails(store: JsonStore, details: RecordedDetails | undefined): RecordedDetails | undefined {
  return details === undefined ? undefined : withStoredMembers(store, details, PAYLOAD_FIELDS);
}

function storedVariables(store: JsonStore, variables: Record<string, Json>): Record<string, Json> {
  return withStoredMembers(store, variables, Object.keys(variables));
}

/** `record` with its big `keys` members stored as text: a copy when any is, else `record` itself. */
function withStoredMembers<T extends object>(store: JsonStore, record: T, keys: readonly string[]): T {
  let copy: Record<string, unknown> | undefined;
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const stored = storedValue(store, value);
    if (stored !== value) (copy ??= { ...(record as Record<string, unknown>) })[key] = stored;
  }
  return (copy as T | undefined) ?? record;
}

/** The event as readers get it: stored payloads become JSON values, parsed on first read. */
function withParsedPayloads(event: RecordedEvent): RecordedEvent {
  const details = event.details;
  if (details === undefined) return event;
  let copy: Record<string, unknown> | undefined;
  for (const field of PAYLOAD_FIELDS) {
    const value = details[field];
    if (value instanceof StoredJson) defineLazyJson((copy ??= { ...details }), field, value);
  }
  const assigned = details.assignedVariables;
  if (assigned !== undefined) {
    let variables: Record<string, unknown> | undefined;
    for (const name in assigned) {
      const value: unknown = assigned[name];
      if (value instanceof StoredJson) defineLazyJson((variables ??= { ...assigned }), name, value);
    }
    if (variables !== undefined) (copy ??= { ...details }).assignedVariables = variables;
  }
  return copy === undefined ? event : { ...event, details: copy as RecordedDetails };
}

function isExecutionEnd(type: HistoryEventType): boolean {
  return type === 'ExecutionFailed' || type === 'ExecutionSucceeded' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted';
}
