import type { Json, JsonObject, QueryLanguage, StateType } from '../../asl/types';
import type { Clock } from '../clock/clock';
import type { ExecutionHistory } from '../history/history';
import type { HistoryEventType, RecordedDetails } from '../history/history-event';
import type { S3ObjectStore } from '../map-run-io';
import type { RandomSource } from '../random/seeded-random';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import type { TaskIntegrations } from '../tasks/task-integrations';
import type { AnswerRecorder } from '../persistence/answer-log';
import type { AbortScope } from './abort-scope';
import type { StateScope } from './context-object';
import type { VisitRecord } from './state-visit';
import type { StateTestHooks } from './state-test-hooks';
import type { RedriveInner } from '../execution/types';

/** Variables visible in a scope; inner scopes are `Object.create(outer)` (reads fall through). */
export type Variables = Record<string, Json>;

/** Everything one execution shares across its branches. Plain data plus services; no closures over state. */
export interface ExecutionRuntime {
  clock: Clock;
  random: RandomSource;
  history: ExecutionHistory;
  tasks: TaskDispatcher;
  s3: S3ObjectStore;
  region: string;
  accountId: string;
  stateMachineType: 'STANDARD' | 'EXPRESS';
  /** `$$.Execution` */
  executionContext: JsonObject;
  /** `$$.StateMachine` */
  stateMachineContext: JsonObject;
  /** Callbacks, activities, `.sync` jobs, nested executions (absent: every task is a plain mock call). */
  integrations?: TaskIntegrations;
  /** Records answers from outside (callbacks, workers, stops) for snapshots; absent when the history is not kept. */
  answers?: AnswerRecorder;
  /** Set only by TestState, which runs one state alone (src/test-state). */
  stateTest?: StateTestHooks;
}

/** One thread of control: the top-level machine, a Parallel branch or a Map iteration. */
export interface Frame {
  runtime: ExecutionRuntime;
  history: ExecutionHistory;
  variables: Variables;
  abort: AbortScope;
  /** The last event recorded by this thread: the next event's `previousEventId`. */
  previousEventId: number;
  /** In a Parallel branch, a state that fails for good is also recorded as aborted (recorded: TaskFailed → TaskStateAborted). */
  abortsFailedStates?: boolean;
  /** The thread's reusable path scope (see `borrowScope`); created on first use. */
  scratchScope?: StateScope;
  /** A finished visit the thread's next state may reuse (see {@link releaseVisit}). */
  spareVisit?: VisitRecord;
  /** A redrive's plan for the Parallel/Map state this thread goes on from (see `takeResume`). */
  resume?: { state: string; inner: RedriveInner };
}

/** Records an event in the frame's history, chaining `previousEventId`. */
export function record(frame: Frame, type: HistoryEventType, details?: RecordedDetails): number {
  const id = frame.history.add(type, frame.previousEventId, details);
  frame.previousEventId = id;
  return id;
}

/**
 * Records an event of a kind prepared in advance ({@link eventKindCode}: `*StateEntered`,
 * `*StateExited`, Map iteration events), chaining `previousEventId`. `reference` is the input,
 * output or index the kind's details hold.
 */
export function recordCompact(frame: Frame, kind: number, reference: Json, assigned?: Variables): number {
  const id = frame.history.addCompact(kind, frame.previousEventId, reference, assigned);
  frame.previousEventId = id;
  return id;
}

/** Per-visit facts about the state being run (the `$$.State` part of the context object, and more). */
export interface StateVisit {
  name: string;
  /** The raw state input (before InputPath/Parameters/Arguments). */
  input: Json;
  type: StateType;
  queryLanguage: QueryLanguage;
  enteredEventId: number;
  /** Epoch ms; formatted only if something reads `$$.State.EnteredTime`. */
  enteredAt: number;
  retryCount: number;
  /** Present while a Task attempt runs (`$$.Task.Token`). */
  taskToken: string | undefined;
  /** Present while a Map evaluates its ItemSelector (`$$.Map`). */
  mapItem: JsonObject | undefined;
  /** Where to go next (`undefined`: the machine ends); Choice and catchers change it from the state's `Next`. */
  next: PreparedState | undefined;
  /** A Choice rule's `Assign`/`Output` replace the state's. */
  assignOverride: unknown;
  outputOverride: unknown;
  /** Variables assigned by this visit, for the `*StateExited` event. */
  assigned: Variables | undefined;
  /** The state output, once it exits: a finished visit is the run's outcome (with `next`), no extra object. */
  output: Json;
}

/** A state prepared once per definition. */
export interface PreparedState {
  readonly name: string;
  readonly type: StateType;
  /** Runs one visit; the finished visit is the outcome (its `output`, and `next` to go on with). */
  run(input: Json, frame: Frame): VisitRecord | Promise<VisitRecord>;
}

/**
 * Hands a visit that finished *synchronously* back to its frame once its output and next state
 * have been read: the frame's next state reuses the object instead of allocating one (a long loop
 * of Pass/Choice states then allocates almost nothing but its payloads). Only a synchronous
 * finish guarantees that nothing else holds the visit: an asynchronous state's callbacks (timers,
 * task tokens) may still refer to it, so those visits are never released.
 */
export function releaseVisit(frame: Frame, visit: VisitRecord): void {
  frame.spareVisit = visit;
}

/** A prepared `{StartAt, States}` (top level, Parallel branch, Map processor). */
export interface PreparedMachine {
  start: PreparedState;
  states: Map<string, PreparedState>;
}
