import type { Clock } from '../clock/clock';
import { StatesError } from '../errors';
import { renderEvent, type HistoryEvent, type HistoryEventType, type RecordedDetails, type RecordedEvent } from './history-event';

/** AWS fails a Standard execution whose history reaches 25,000 events. */
export const DEFAULT_MAX_HISTORY_EVENTS = 25_000;

/**
 * An execution's event history. Appending is O(1) and keeps JSON values by reference;
 * {@link ExecutionHistory.events} renders AWS's `GetExecutionHistory` shape on demand.
 */
export class ExecutionHistory {
  private readonly recorded: RecordedEvent[] = [];

  constructor(
    private readonly clock: Clock,
    /** `null` = unlimited (Express keeps no history on AWS, so no limit applies there). */
    private readonly maxEvents: number | null = DEFAULT_MAX_HISTORY_EVENTS,
    /** `false`: events are numbered (ids still chain) but not kept — for benchmarks and huge Express runs. */
    private readonly keep: boolean = true,
  ) {}

  private count = 0;

  /** Appends an event and returns its id. Throws `States.Runtime` once the limit is exceeded. */
  add(type: HistoryEventType, previousEventId: number, details?: RecordedDetails): number {
    const id = ++this.count;
    if (this.maxEvents !== null && id > this.maxEvents && !isExecutionEnd(type)) {
      throw new StatesError(
        'States.Runtime',
        `The execution history reached the limit of ${this.maxEvents} events.`,
      );
    }
    if (this.keep) this.recorded.push({ id, previousEventId, timestamp: this.clock.now(), type, details });
    return id;
  }

  /** Events recorded so far (also counted when they are not kept). */
  get size(): number {
    return this.count;
  }

  get lastEventId(): number {
    return this.count;
  }

  /** The raw recorded events (values by reference); cheap. */
  recordedEvents(): readonly RecordedEvent[] {
    return this.recorded;
  }

  /** The history in AWS's `GetExecutionHistory` format. */
  events(): HistoryEvent[] {
    return this.recorded.map(renderEvent);
  }
}

function isExecutionEnd(type: HistoryEventType): boolean {
  return type === 'ExecutionFailed' || type === 'ExecutionSucceeded' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted';
}
