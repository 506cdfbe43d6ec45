import type { Json, NestedStateMachine, State, StateMachineDefinition } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import { errorMatches } from '../error-handling/error-matching';
import type { HistoryEvent } from '../history/history-event';
import { isDistributedMap } from '../../asl/walk';
import { splitThreads, subMachine, type HistoryThread } from './history-threads';
import type { ExecutionRedrive, ExecutionStatus, MapRunRedriveChild, RedriveChild, RedriveInner, RedriveResume } from './types';

/** What `planRedrive` reads of a Map Run of the attempt (the interpreter's `MapRun`, or serve's view of one). */
export interface RedriveMapRunSource {
  readonly mapRunArn: string;
  readonly startDate: string;
  itemCounts(): { total: number };
  readonly executions: readonly (RedriveMapRunChildSource | undefined)[];
}

/** What `planRedrive` reads of a Map Run child execution. */
export interface RedriveMapRunChildSource {
  readonly name: string;
  readonly status: ExecutionStatus;
  describe(): { output?: Json; startDate: string; stopDate?: string };
  history(): HistoryEvent[];
  /** The plan its last attempt ran with, when that attempt was itself a redrive. */
  readonly redrive?: RedriveResume & {
    redriveCount: number;
    startTime: string;
  };
}

/** The attempt being redriven, beside its history. */
export interface RedriveSource {
  /** Redrives so far (0 for a first attempt). */
  redriveCount: number;
  /** ISO 8601: when the first attempt started. */
  startTime: string;
  /** Epoch ms: now (`$$.Execution.RedriveTime`). */
  now: number;
  /** The plan the attempt ran with, when it was itself a redrive: what it kept still stands. */
  redrive?: RedriveResume;
  /** The attempt's Map Runs (with their children): a Distributed Map goes on with its Map Run. */
  mapRuns?: readonly RedriveMapRunSource[];
}

/**
 * Where a redrive (AWS's RedriveExecution) of an unsuccessful execution goes on, read from its
 * history (in `GetExecutionHistory` format; with earlier attempts, the last one counts): the
 * top-level state that did not complete, its input, and the variables the states before it
 * assigned. Nothing that succeeded runs again: when that state is a Parallel, only its branches
 * that did not succeed run again (each from where it stopped, nested as deep as it goes; the
 * others keep their output); an inline Map reruns only its unsuccessful iterations; a Distributed
 * Map redrives its Map Run (same ARN, `MapRunRedriven`): succeeded children keep their results,
 * failed Standard children are redriven under their own names, Express children start anew.
 *
 * @example
 * const redrive = planRedrive(definition, execution.history(), {
 *   redriveCount: 0, startTime: execution.describe().startDate, now: Date.now(), mapRuns: execution.mapRuns(),
 * });
 * const again = machine.startExecution(execution.describe().input, { name: execution.name, redrive });
 */
export function planRedrive(definition: StateMachineDefinition, events: readonly HistoryEvent[], previous: RedriveSource): ExecutionRedrive {
  const resume = planAttempt(definition, events, previous.redrive, previous.mapRuns ?? [], executionInput(events));
  return {
    ...resume,
    redriveCount: previous.redriveCount + 1,
    redriveTime: formatTimestamp(previous.now),
    startTime: previous.startTime,
  };
}

function executionInput(events: readonly HistoryEvent[]): Json {
  const started = events.find((e) => e.type === 'ExecutionStarted');
  return parse(started?.executionStartedEventDetails?.input) ?? {};
}

/** Where the last attempt recorded in `events` goes on (one execution's history: the parent's or a Map Run child's). */
function planAttempt(
  machine: NestedStateMachine,
  events: readonly HistoryEvent[],
  inherited: RedriveResume | undefined,
  mapRuns: readonly RedriveMapRunSource[],
  input: Json,
): RedriveResume {
  const first = events.findLast((e) => e.type === 'ExecutionStarted' || e.type === 'ExecutionRedriven');
  const fromStart: RedriveResume = {
    fromState: machine.StartAt,
    stateInput: input,
    variables: {},
  };
  if (!first) return inherited ?? fromStart;
  const attempt = events.slice(events.indexOf(first));
  const thread = splitThreads(attempt, first, machine.States);
  const plan = planThread(thread, machine, first.type === 'ExecutionRedriven' ? inherited : undefined, mapRuns);
  // An execution that failed after its last state (an output over the limit) reruns that state.
  if ('done' in plan) return plan.last ?? fromStart;
  return plan.resume ?? (first.type === 'ExecutionRedriven' && inherited ? inherited : fromStart);
}

type ThreadPlan = { done: true; output: Json; last?: RedriveResume } | { resume: RedriveResume | undefined };

/**
 * One thread's outcome: it finished (its output), or where it goes on (`undefined`: it entered no
 * state: from its start). `inherited`: where this thread went on from in the attempt (a redrive).
 */
function planThread(
  thread: HistoryThread,
  machine: NestedStateMachine,
  inherited: RedriveResume | undefined,
  mapRuns: readonly RedriveMapRunSource[],
): ThreadPlan {
  const variables: Record<string, Json> = { ...inherited?.variables };
  let entered: { name: string; input: Json; visit: number } | undefined;
  let exited: { output: Json; error?: string } | undefined;
  let failure: string | undefined;
  let lastFork: { id: number; nth: number; length?: number } | undefined;
  let forks = 0;
  let mapRun: { arn: string; redriveCount: number; nth: number } | undefined;
  let runs = 0;
  let visits = 0;
  let iterationSucceeded = false;
  for (const event of thread.events) {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) {
      const details = event.stateEnteredEventDetails!;
      entered = {
        name: details.name!,
        input: parse(details.input) ?? null,
        visit: ++visits,
      };
      exited = undefined;
      failure = undefined;
      lastFork = undefined;
      mapRun = undefined;
      forks = 0;
      runs = 0;
    } else if (type.endsWith('StateExited')) {
      const details = event.stateExitedEventDetails!;
      exited = { output: parse(details.output) ?? null, error: failure };
      for (const [name, text] of Object.entries(details.assignedVariables ?? {})) variables[name] = parse(text) ?? null;
    } else if (thread.forks.has(event.id!)) {
      lastFork = {
        id: event.id!,
        nth: ++forks,
        length: event.mapStateStartedEventDetails?.length,
      };
    } else if (type === 'MapRunStarted' || type === 'MapRunRedriven') {
      const details = event.mapRunStartedEventDetails ?? event.mapRunRedrivenEventDetails;
      mapRun = {
        arn: details!.mapRunArn!,
        redriveCount: event.mapRunRedrivenEventDetails?.redriveCount ?? 0,
        nth: ++runs,
      };
    } else if (type === 'MapIterationSucceeded') iterationSucceeded = true;
    const error = errorOf(event);
    if (error !== undefined) failure = error;
    else if (type.endsWith('Succeeded')) failure = undefined;
  }
  if (!entered) return { resume: undefined };
  const state = machine.States[entered.name];
  // This visit is the one the attempt resumed (its first fork ran with the inherited plan).
  const resumedVisit = inherited !== undefined && entered.visit === 1 && inherited.fromState === entered.name ? inherited : undefined;
  if (exited) {
    const next = nextState(state, exited.error);
    const done = iterationSucceeded || (next === undefined && state.Type !== 'Choice' && exited.error === undefined) || state.Type === 'Succeed';
    const here: RedriveResume = {
      fromState: entered.name,
      stateInput: entered.input,
      variables,
    };
    if (done) return { done: true, output: exited.output, last: here };
    // Stopped between states (a sibling failed, the execution was stopped): on from the next one.
    if (next === undefined) return { resume: here };
    return {
      resume: { fromState: next, stateInput: exited.output, variables },
    };
  }
  const resume: RedriveResume = {
    fromState: entered.name,
    stateInput: entered.input,
    variables,
  };
  // The first children (or Map Run) of the visit the attempt resumed ran with the inherited plan: what it kept still stands.
  const inheritedInner = resumedVisit && (lastFork?.nth === 1 || mapRun?.nth === 1) ? resumedVisit.inner : undefined;
  const inner = innerPlan(
    state,
    thread,
    lastFork,
    mapRun,
    inheritedInner,
    mapRuns,
    resumedVisit && forks === 0 && !mapRun ? resumedVisit.inner : undefined,
  );
  if (inner) resume.inner = inner;
  return { resume };
}

/** Where a state that exited goes next: its catcher's `Next` when it failed and was caught, else its `Next` (Choice: decided again). */
function nextState(state: State, error: string | undefined): string | undefined {
  if (error !== undefined && 'Catch' in state && state.Catch) {
    const catcher = state.Catch.find((c) => errorMatches(c.ErrorEquals, error));
    if (catcher) return catcher.Next;
  }
  if (state.Type === 'Choice') return undefined;
  return 'Next' in state ? state.Next : undefined;
}

/** What becomes of the children of the Parallel/Map the thread stopped in. */
function innerPlan(
  state: State,
  thread: HistoryThread,
  lastFork: { id: number; length?: number } | undefined,
  mapRun: { arn: string; redriveCount: number } | undefined,
  inherited: RedriveInner | undefined,
  mapRuns: readonly RedriveMapRunSource[],
  untouched: RedriveInner | undefined,
): RedriveInner | undefined {
  // The redriven state failed again before its children ran: the earlier plan still stands.
  if (untouched) return untouched;
  if (isDistributedMap(state)) return mapRun ? mapRunPlan(state, mapRun, inherited, mapRuns) : undefined;
  if (!lastFork || (state.Type !== 'Parallel' && state.Type !== 'Map')) return undefined;
  const threads = thread.forks.get(lastFork.id)!;
  const count = state.Type === 'Parallel' ? state.Branches.length : (lastFork.length ?? Math.max(0, ...threads.keys()) + 1);
  const earlier = inherited?.kind === 'children' ? inherited.children : undefined;
  const children: RedriveChild[] = [];
  for (let index = 0; index < count; index++) {
    const sub = threads.get(index);
    const before = earlier?.[index] ?? null;
    if (!sub) {
      children.push(before);
      continue;
    }
    const plan = planThread(sub, subMachine(state, index), before && 'resume' in before ? before.resume : undefined, mapRuns);
    if ('done' in plan) children.push({ kept: plan.output });
    else children.push(plan.resume ? { resume: plan.resume } : null);
  }
  return { kind: 'children', children };
}

/** A Distributed Map's Map Run: succeeded children keep their results, the others are redriven. */
function mapRunPlan(
  state: State,
  mapRun: { arn: string; redriveCount: number },
  inherited: RedriveInner | undefined,
  mapRuns: readonly RedriveMapRunSource[],
): RedriveInner | undefined {
  const run = latestRunSource(mapRuns, mapRun.arn);
  // Without the Map Run's children (not given), the Map state starts a new Map Run.
  if (!run) return undefined;
  const processor = subMachine(state, 0);
  const express = (processor as { ProcessorConfig?: { ExecutionType?: string } }).ProcessorConfig?.ExecutionType === 'EXPRESS';
  const earlier = inherited?.kind === 'mapRun' ? inherited.children : undefined;
  const children: MapRunRedriveChild[] = [];
  for (let index = 0; index < run.itemCounts().total; index++) {
    const child = run.executions[index];
    if (!child) {
      children.push(earlier?.[index] ?? null);
      continue;
    }
    const described = child.describe();
    if (child.status === 'SUCCEEDED') {
      children.push({
        kept: {
          name: child.name,
          output: described.output ?? null,
          startDate: described.startDate,
          stopDate: described.stopDate ?? described.startDate,
        },
      });
    } else if (express || child.status === 'RUNNING') {
      children.push(null);
    } else {
      const history = child.history();
      const resume = planAttempt(processor, history, child.redrive, mapRuns, executionInput(history));
      children.push({
        redrive: {
          ...resume,
          name: child.name,
          redriveCount: (child.redrive?.redriveCount ?? 0) + 1,
          startTime: child.redrive?.startTime ?? described.startDate,
        },
      });
    }
  }
  return {
    kind: 'mapRun',
    mapRunArn: run.mapRunArn,
    redriveCount: mapRun.redriveCount + 1,
    startDate: run.startDate,
    children,
  };
}

function latestRunSource(runs: readonly RedriveMapRunSource[], arn: string): RedriveMapRunSource | undefined {
  // The latest run with that ARN (a redriven run replaces the one it redrives).
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i].mapRunArn === arn) return runs[i];
  return undefined;
}

/** The error a failure event reports (what a catcher matched). */
function errorOf(event: HistoryEvent): string | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    if (!/Failed|TimedOut/.test(event.type ?? '')) continue;
    const error = (value as { error?: string }).error;
    if (error !== undefined) return error;
  }
  return undefined;
}

function parse(text: string | undefined): Json | undefined {
  return text === undefined ? undefined : (JSON.parse(text) as Json);
}
