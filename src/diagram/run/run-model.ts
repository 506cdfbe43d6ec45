/**
 * What happened to each state in one execution, read from its history (AWS's
 * `GetExecutionHistory` event format, as the interpreter or AWS records it): every visit of a
 * state with its input, output, parameters, attempts, error and outcome, which transitions were
 * taken, and the Map iterations. Events are matched to visits through `previousEventId` (AWS's
 * causal chain), so interleaved Map iterations and Parallel branches stay apart.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** How a state's visit ended. `running`: entered but not finished (still running, or its branch was cancelled). */
export type VisitOutcome = 'succeeded' | 'retried' | 'caught' | 'failed' | 'running';
/** A state's colour in the run view: its visits' worst outcome, or `not-reached`. */
export type StateOutcome = VisitOutcome | 'not-reached';

export interface Attempt {
  /** Task parameters (or the Lambda/activity input) as sent. */
  parameters?: string;
  output?: string;
  error?: string;
  cause?: string;
  resource?: string;
}

/** One entry into a state during a run, read from its history (a state in a loop or a Map has several). */
export interface Visit {
  index: number;
  name: string;
  /** `Task`, `Map`, … (from the event type). */
  type: string;
  /** Map iteration indexes from the outermost Map inwards (empty outside any Map). */
  iteration: number[];
  enteredAt: number;
  exitedAt?: number;
  input?: string;
  output?: string;
  assignedVariables?: Record<string, string>;
  attempts: Attempt[];
  error?: string;
  cause?: string;
  outcome: VisitOutcome;
  /** The Parallel or Map visit this one runs inside. */
  parent?: Visit;
  /** Map: iteration index → outcome; length of the items. */
  iterations?: Map<number, 'running' | 'succeeded' | 'failed' | 'aborted'>;
  length?: number;
  failedLast: boolean;
}

export interface TakenTransition {
  from: string;
  to: string;
  /** Taken through a Catch (the state failed and moved on). */
  caught: boolean;
}

/**
 * What a run report shows of one execution: its status and times, each state's visits with their
 * input, output and error, and the outcome that colours each state — built from the definition and
 * its `GetExecutionHistory` events.
 */
export interface RunModel {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  startTime: number;
  endTime?: number;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  visits: Visit[];
  /** Per state name, every visit (in order). */
  byState: Map<string, Visit[]>;
  transitions: TakenTransition[];
  /** The first state entered (its Start edge is taken). */
  started?: string;
  /** The top-level state whose exit ended the execution (its End edge is taken). */
  ended?: string;
  events: readonly HistoryEvent[];
  /** Event index → the visit it belongs to (undefined for execution-level events). */
  eventVisit: (Visit | undefined)[];
}

const SCHEDULED = /^(Task|LambdaFunction|Activity)Scheduled$/;
const TASK_SUCCEEDED = /^(Task|LambdaFunction|Activity)Succeeded$/;
const NESTED_END = /^(Parallel|Map)State(Succeeded|Failed|Aborted)$/;

/**
 * Builds the run model of an execution history.
 *
 * @example
 * const model = buildRunModel(execution.history());
 * model.byState.get('Charge')?.[0].outcome; // 'retried'
 */
export function buildRunModel(events: readonly HistoryEvent[]): RunModel {
  const start = events.length > 0 ? time(events[0]) : 0;
  const model: RunModel = { status: 'RUNNING', startTime: start, visits: [], byState: new Map(), transitions: [], events, eventVisit: [] };
  const visitById = new Map<number, Visit | undefined>();
  const taken = new Map<string, TakenTransition>();
  const take = (from: string, to: string, caught: boolean) => {
    const key = `${from}\u0000${to}\u0000${caught}`;
    if (!taken.has(key)) taken.set(key, { from, to, caught });
  };

  for (const event of events) {
    const type = String(event.type);
    const id = event.id ?? 0;
    const previous = visitById.get(event.previousEventId ?? 0);
    const previousType = eventType(events, event.previousEventId);
    let visit: Visit | undefined;
    const entered = event.stateEnteredEventDetails;
    const exited = event.stateExitedEventDetails;
    if (type.endsWith('StateEntered') && entered) {
      visit = enter(model, event, entered.name ?? '', type.slice(0, -'StateEntered'.length), previous, previousType);
      if (previous && previousType?.endsWith('StateExited')) take(previous.name, visit.name, previous.failedLast);
      else if (!previous && model.started === undefined) model.started = visit.name;
    } else if (type.endsWith('StateExited') && exited) {
      visit = up(previous, (v) => v.name === exited.name && v.exitedAt === undefined) ?? previous;
      if (visit) exit(visit, time(event) - model.startTime, exited);
    } else if (NESTED_END.test(type)) {
      const kind = type.startsWith('Parallel') ? 'Parallel' : 'Map';
      visit = up(previous, (v) => v.type === kind && v.exitedAt === undefined);
      if (visit && type.endsWith('Failed')) fail(visit, event);
      if (visit && !type.endsWith('Failed')) visit.failedLast = false;
    } else if (type === 'MapIterationStarted' || /^MapIteration(Succeeded|Failed|Aborted)$/.test(type)) {
      const details = event.mapIterationStartedEventDetails ?? event.mapIterationSucceededEventDetails ?? event.mapIterationFailedEventDetails ?? event.mapIterationAbortedEventDetails;
      visit = up(previous, (v) => v.type === 'Map' && v.name === details?.name && v.exitedAt === undefined);
      if (visit && details?.index !== undefined) {
        const status = type === 'MapIterationStarted' ? 'running' : (type.slice('MapIteration'.length).toLowerCase() as 'succeeded' | 'failed' | 'aborted');
        (visit.iterations ??= new Map()).set(details.index, status);
      }
    } else if (type.startsWith('Execution')) {
      finishExecution(model, event, type, previous);
    } else {
      visit = previous;
      if (visit) record(visit, event, type);
    }
    visitById.set(id, visit);
    model.eventVisit.push(visit);
  }
  for (const visit of model.visits) visit.outcome = outcomeOf(visit);
  model.transitions = [...taken.values()];
  return model;
}

function enter(model: RunModel, event: HistoryEvent, name: string, type: string, previous: Visit | undefined, previousType: string | undefined): Visit {
  let parent = previous?.parent;
  let iteration = previous?.iteration ?? [];
  if (previous && previousType === 'ParallelStateStarted') {
    parent = previous;
    iteration = previous.iteration;
  } else if (previous && previousType === 'MapIterationStarted') {
    parent = previous;
    const index = eventByIdIndex(model.events, event.previousEventId)?.mapIterationStartedEventDetails?.index ?? 0;
    iteration = [...previous.iteration, index];
  }
  const visit: Visit = {
    index: model.visits.length,
    name,
    type,
    iteration,
    enteredAt: time(event) - model.startTime,
    input: event.stateEnteredEventDetails?.input,
    attempts: [],
    outcome: 'running',
    failedLast: false,
    ...(parent ? { parent } : {}),
  };
  model.visits.push(visit);
  const list = model.byState.get(name);
  if (list) list.push(visit);
  else model.byState.set(name, [visit]);
  return visit;
}

function exit(visit: Visit, at: number, details: NonNullable<HistoryEvent['stateExitedEventDetails']>): void {
  visit.exitedAt = at;
  visit.output = details.output;
  if (details.assignedVariables && Object.keys(details.assignedVariables).length > 0) visit.assignedVariables = details.assignedVariables;
}

/** Task events: attempts, their parameters, results and errors; Map/Parallel starts; any event carrying an error. */
function record(visit: Visit, event: HistoryEvent, type: string): void {
  const details = detailsOf(event);
  if (SCHEDULED.test(type) || type === 'ParallelStateStarted' || type === 'MapStateStarted') {
    visit.attempts.push({
      ...(details?.parameters !== undefined ? { parameters: String(details.parameters) } : details?.input !== undefined ? { parameters: String(details.input) } : {}),
      ...(details?.resource !== undefined ? { resource: [details.resourceType, details.resource].filter(Boolean).join(':') } : {}),
    });
    if (type === 'MapStateStarted' && typeof details?.length === 'number') visit.length = details.length;
    visit.failedLast = false;
    return;
  }
  if (TASK_SUCCEEDED.test(type)) {
    const attempt = visit.attempts.at(-1);
    if (attempt && details?.output !== undefined) attempt.output = String(details.output);
    visit.failedLast = false;
    return;
  }
  if (details && (details.error !== undefined || /Failed$|TimedOut$/.test(type))) fail(visit, event);
}

function fail(visit: Visit, event: HistoryEvent): void {
  const details = detailsOf(event);
  const error = details?.error === undefined || details.error === null ? undefined : String(details.error);
  const cause = details?.cause === undefined || details.cause === null ? undefined : String(details.cause);
  const attempt = visit.attempts.at(-1);
  if (attempt && !String(event.type).endsWith('StateFailed')) {
    attempt.error = error ?? String(event.type);
    if (cause !== undefined) attempt.cause = cause;
  }
  if (error !== undefined) visit.error = error;
  if (cause !== undefined) visit.cause = cause;
  visit.failedLast = true;
}

function finishExecution(model: RunModel, event: HistoryEvent, type: string, previous: Visit | undefined): void {
  const details = detailsOf(event);
  if (type === 'ExecutionStarted') {
    model.input = details?.input === undefined ? undefined : String(details.input);
    return;
  }
  const status = { ExecutionSucceeded: 'SUCCEEDED', ExecutionFailed: 'FAILED', ExecutionTimedOut: 'TIMED_OUT', ExecutionAborted: 'ABORTED' }[type];
  if (!status) return;
  model.status = status as RunModel['status'];
  model.endTime = time(event) - model.startTime;
  if (details?.output !== undefined) model.output = String(details.output);
  if (details?.error !== undefined && details.error !== null) model.error = String(details.error);
  if (details?.cause !== undefined && details.cause !== null) model.cause = String(details.cause);
  const last = previous ? up(previous, (v) => v.parent === undefined) : undefined;
  if (last) {
    if (type === 'ExecutionSucceeded' || last.type === 'Fail') model.ended = last.name;
    // A Parallel that failed (its branch's error) or a Fail state: the execution's error is the state's.
    if (type !== 'ExecutionSucceeded' && last.exitedAt === undefined) {
      if (model.error !== undefined && last.error === undefined) last.error = model.error;
      if (model.cause !== undefined && last.cause === undefined) last.cause = model.cause;
      last.failedLast = true;
    }
  }
}

function outcomeOf(visit: Visit): VisitOutcome {
  const failedAttempts = visit.attempts.filter((a) => a.error !== undefined).length;
  if (visit.exitedAt === undefined) return visit.failedLast || visit.type === 'Fail' ? 'failed' : 'running';
  if (visit.failedLast) return 'caught';
  return failedAttempts > 0 || visit.attempts.length > 1 ? 'retried' : 'succeeded';
}

const RANK: Record<StateOutcome, number> = { failed: 5, caught: 4, retried: 3, running: 2, succeeded: 1, 'not-reached': 0 };

/** The colour of a state: the worst outcome of its visits. */
export function stateOutcome(visits: readonly Visit[] | undefined): StateOutcome {
  let outcome: StateOutcome = 'not-reached';
  for (const visit of visits ?? []) if (RANK[visit.outcome] > RANK[outcome]) outcome = visit.outcome;
  return outcome;
}

/** Walks from `visit` out through the Parallel/Map visits holding it to the first that matches. */
function up(visit: Visit | undefined, match: (v: Visit) => boolean): Visit | undefined {
  for (let v = visit; v; v = v.parent) if (match(v)) return v;
  return undefined;
}

interface AnyDetails {
  input?: unknown;
  output?: unknown;
  parameters?: unknown;
  error?: unknown;
  cause?: unknown;
  resource?: unknown;
  resourceType?: unknown;
  length?: unknown;
}

function detailsOf(event: HistoryEvent): AnyDetails | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') return value as AnyDetails;
  }
  return undefined;
}

function time(event: HistoryEvent): number {
  return new Date(event.timestamp as Date | string).getTime();
}

// Histories list events in id order starting at 1 (AWS and the interpreter alike); fall back to a search.
function eventByIdIndex(events: readonly HistoryEvent[], id: number | undefined): HistoryEvent | undefined {
  if (!id) return undefined;
  const guess = events[id - 1];
  return guess?.id === id ? guess : events.find((e) => e.id === id);
}

function eventType(events: readonly HistoryEvent[], id: number | undefined): string | undefined {
  const event = eventByIdIndex(events, id);
  return event ? String(event.type) : undefined;
}
