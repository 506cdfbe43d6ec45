import type { Json } from '../../asl/types';
import type { Clock } from '../clock/clock';
import { StatesError } from '../errors';
import { eventKind, eventKindCode, EventShape } from './event-kinds';
import { renderEvent, type HistoryEvent, type HistoryEventType, type RecordedDetails, type RecordedEvent } from './history-event';
import { LIMITS } from '../../asl/limits';


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

  constructor(
    private readonly clock: Clock,
    /** `null` = unlimited (Express keeps no history on AWS, so no limit applies there). */
    private readonly maxEvents: number | null = LIMITS.historyEvents,
    /** `false`: events are numbered (ids still chain) but not kept — for benchmarks and huge Express runs. */
    private readonly keep: boolean = true,
    /** What the execution's failure says when the limit is reached. */
    private readonly limitCause: string = `The execution history reached the limit of ${maxEvents} events.`,
  ) {}

  /** Appends an event and returns its id. Throws `States.Runtime` once the limit is exceeded. */
  add(type: HistoryEventType, previousEventId: number, details?: RecordedDetails): number {
    if (this.maxEvents !== null && this.count >= this.maxEvents - 1 && !isExecutionEnd(type)) throw this.limitReached();
    return this.append(detailsKind(type), previousEventId, details);
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
    const id = this.append(kind, previousEventId, reference);
    if (assignedVariables !== undefined && this.keep) (this.assigned ??= new Map()).set(id, assignedVariables);
    return id;
  }

  private limitReached(): StatesError {
    // The refused event still takes its id (the execution's end event follows it).
    this.count++;
    if (this.keep) this.skippedIds.push(this.kept);
    return new StatesError('States.Runtime', this.limitCause);
  }

  private append(kind: number, previousEventId: number, reference: unknown): number {
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
      chunk.references.push(reference);
      this.lastReference = reference;
    }
    chunk.codes[chunk.size++] = code;
    return id;
  }

  /** Events recorded so far (also counted when they are not kept). */
  get size(): number {
    return this.count;
  }

  get lastEventId(): number {
    return this.count;
  }

  /** The recorded events with their JSON values by reference (built on each call). */
  recordedEvents(): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    this.forEachEvent((event) => events.push(event));
    return events;
  }

  /** The history in AWS's `GetExecutionHistory` format. */
  events(): HistoryEvent[] {
    const events: HistoryEvent[] = [];
    this.forEachEvent((event) => events.push(renderEvent(event)));
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

function isExecutionEnd(type: HistoryEventType): boolean {
  return type === 'ExecutionFailed' || type === 'ExecutionSucceeded' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted';
}
