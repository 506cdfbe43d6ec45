import type { Json, QueryLanguage, StateType } from '../../asl/types';
import { exceedsPayloadLimit } from '../json/json-size';
import { StatesError } from '../errors';
import type { ErrorHandling } from '../error-handling/error-handling';
import { locateError, markLocated } from '../error-handling/locate-error';
import type { StateDataFlow } from '../state-io';
import { eventKindCode, EventShape } from '../history/event-kinds';
import type { HistoryEventType } from '../history/history-event';
import { evaluationLocation } from '../jsonata/evaluation-location';
import { Aborted } from './abort-scope';
import { VisitRecord, type VisitedState } from './state-visit';
import { record, recordCompact, type Frame, type PreparedState, type StateVisit } from './runtime';

/** A state type's own work: effective input → result (sync when it can be). */
export type Work = (effective: Json, frame: Frame, visit: StateVisit) => Json | Promise<Json>;

export interface StateParts {
  name: string;
  type: StateType;
  queryLanguage: QueryLanguage;
  flow: StateDataFlow;
  work: Work;
  errorHandling?: ErrorHandling;
  /** Called before each attempt (a Task draws a fresh task token). */
  beforeAttempt?: (frame: Frame, visit: StateVisit) => void;
  /** Whether the state output is checked against the 256 KiB limit. */
  checkOutputSize: boolean;
  /** Whether the state records `*StateExited` (all but Fail). */
  exits: boolean;
  /** Resolves other transitions (Choice rules, Default) once the machine's states exist. */
  link?: (states: Map<string, PreparedState>) => void;
  /** Recorded when the state fails for good (not retried or caught): `MapStateFailed`, `ParallelStateFailed`. */
  failedEvent?: HistoryEventType;
}

// An error's EvaluationFailed event is recorded once, by the innermost state it leaves.
const evaluationRecorded = new WeakSet<StatesError>();

// Only these types have a `*StateAborted` event.
const ABORTABLE: ReadonlySet<StateType> = new Set(['Task', 'Wait', 'Parallel', 'Map']);

/**
 * The one executor every state type uses: records `*StateEntered`, runs the shared data flow
 * around the state's work (inside Retry/Catch when it has them), records `*StateExited` and
 * returns the transition. Synchronous whenever the flow and work are.
 */
export class StateRunner implements PreparedState, VisitedState {
  readonly name: string;
  readonly type: StateType;
  readonly queryLanguage: QueryLanguage;
  /** Set when the machine is linked; `undefined` for End states. */
  next: PreparedState | undefined;
  /** History event kinds (type + name), interned once: recording an event stores a code, not an object. */
  private readonly enteredKind: number;
  private readonly exitedKind: number;
  private readonly abortedType: HistoryEventType;

  constructor(private readonly parts: StateParts) {
    this.name = parts.name;
    this.type = parts.type;
    this.queryLanguage = parts.queryLanguage;
    this.enteredKind = eventKindCode(`${parts.type}StateEntered` as HistoryEventType, EventShape.Entered, parts.name);
    this.exitedKind = eventKindCode(`${parts.type}StateExited` as HistoryEventType, EventShape.Exited, parts.name);
    this.abortedType = `${parts.type}StateAborted` as HistoryEventType;
  }

  /** Resolves `Next`, catcher and Choice targets by name (after every state of the machine is prepared). */
  link(nextName: string | undefined, states: Map<string, PreparedState>): void {
    this.next = nextName === undefined ? undefined : states.get(nextName);
    this.parts.errorHandling?.link(states);
    this.parts.link?.(states);
  }

  /** Runs one attempt: flow in, work, flow out. */
  private readonly attempt = (raw: Json, frame: Frame, visit: StateVisit): Json | Promise<Json> => {
    const { flow, beforeAttempt } = this.parts;
    // TestState replaces the state's work with its mock (absent in executions).
    const work = frame.runtime.stateTest?.work ?? this.parts.work;
    if (beforeAttempt) beforeAttempt(frame, visit);
    const effective = flow.enter(raw, frame, visit);
    if (effective instanceof Promise) {
      return effective.then((e) => work(e, frame, visit)).then((result) => flow.leave(raw, result, frame, visit));
    }
    const result = work(effective, frame, visit);
    if (result instanceof Promise) return result.then((r) => flow.leave(raw, r, frame, visit));
    return flow.leave(raw, result, frame, visit);
  };

  run(input: Json, frame: Frame): VisitRecord | Promise<VisitRecord> {
    const visit = this.enter(input, frame);
    let output: Json | Promise<Json>;
    try {
      const { errorHandling } = this.parts;
      output = errorHandling ? errorHandling.run(this.attempt, input, frame, visit) : this.attempt(input, frame, visit);
    } catch (thrown) {
      throw this.failed(thrown, frame, visit);
    }
    if (output instanceof Promise) {
      return output.then(
        (out) => this.exit(out, frame, visit),
        (thrown) => {
          throw this.failed(thrown, frame, visit);
        },
      );
    }
    return this.exit(output, frame, visit);
  }

  private enter(input: Json, frame: Frame): VisitRecord {
    const enteredEventId = recordCompact(frame, this.enteredKind, input);
    // A visit the previous state of this thread finished synchronously is free to reuse.
    const visit = frame.spareVisit ?? new VisitRecord();
    frame.spareVisit = undefined;
    return visit.begin(this, input, enteredEventId, frame.runtime.clock.now());
  }

  private exit(output: Json, frame: Frame, visit: VisitRecord): VisitRecord {
    if (this.parts.checkOutputSize && exceedsPayloadLimit(output)) {
      throw markLocated(
        new StatesError(
          'States.DataLimitExceeded',
          `The state/task '${this.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
        ),
      );
    }
    if (this.parts.exits) {
      recordCompact(frame, this.exitedKind, output, visit.assigned);
    }
    visit.output = output;
    return visit;
  }

  private failed(thrown: unknown, frame: Frame, visit: StateVisit): unknown {
    if (thrown instanceof Aborted) {
      if (ABORTABLE.has(this.type)) record(frame, this.abortedType);
      return thrown;
    }
    if (!(thrown instanceof StatesError)) return thrown;
    // TestState words evaluation failures without the execution's "entered at the event id" prefix (recorded).
    const error = frame.runtime.stateTest ? markLocated(thrown) : locateError(thrown, visit);
    if (error.error === 'States.QueryEvaluationError' && !evaluationRecorded.has(error)) {
      evaluationRecorded.add(error);
      record(frame, 'EvaluationFailed', { state: this.name, error: error.error, cause: error.cause ?? undefined, location: evaluationLocation(error) });
    }
    if (this.parts.failedEvent && error.error !== 'States.Runtime') record(frame, this.parts.failedEvent);
    if (frame.abortsFailedStates && ABORTABLE.has(this.type)) record(frame, this.abortedType);
    return error;
  }
}
