import type { NestedStateMachine, State } from '../../asl/types';
import { childMachines, isDistributedMap } from '../../asl/walk';
import type { HistoryEvent } from '../history/history-event';

/**
 * One thread of an execution's history: the top level, a Parallel branch or an inline Map
 * iteration. `events` are its own events in order; `forks` the threads each of its
 * `ParallelStateStarted`/`MapStateStarted` events started (by branch or item index).
 */
export interface HistoryThread {
  events: HistoryEvent[];
  forks: Map<number, Map<number, HistoryThread>>;
  /** The highest event id in the thread and the threads below it. */
  maxId: number;
}

type Scope = Record<string, State>;

/**
 * Splits one attempt's history into its threads, from `first` (its `ExecutionStarted` or
 * `ExecutionRedriven`). Events chain by `previousEventId` within a thread; a branch's first
 * event follows its `ParallelStateStarted`, an iteration's `MapIterationStarted` its
 * `MapStateStarted`, and the Parallel's/Map's own next event the last event its threads recorded.
 * State names are unique across a definition, so a named event tells its scope; an unnamed one
 * (TaskScheduled, ParallelStateFailed, …) belongs to the thread whose open state it is about.
 */
export function splitThreads(events: readonly HistoryEvent[], first: HistoryEvent, states: Scope): HistoryThread {
  const children = new Map<number, HistoryEvent[]>();
  for (const event of events) {
    const list = children.get(event.previousEventId ?? 0);
    if (list) list.push(event);
    else children.set(event.previousEventId ?? 0, [event]);
  }
  const consumed = new Set<number>();
  return walk({ children, consumed }, first, states, undefined);
}

interface Walk {
  children: Map<number, HistoryEvent[]>;
  consumed: Set<number>;
}

interface OpenState {
  name: string;
  state: State;
  /** After `*StateAborted` nothing more of the state follows; after `Parallel/MapStateFailed` only its `*StateAborted`. */
  closed: 'no' | 'failed' | 'aborted';
}

function walk(w: Walk, first: HistoryEvent, states: Scope, iterationOf: string | undefined): HistoryThread {
  const thread: HistoryThread = { events: [], forks: new Map(), maxId: 0 };
  let open: OpenState | undefined;
  let ended = false;
  let current: HistoryEvent | undefined = first;
  while (current) {
    const event: HistoryEvent = current;
    w.consumed.add(event.id!);
    thread.events.push(event);
    if (event.id! > thread.maxId) thread.maxId = event.id!;
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) {
      const name = event.stateEnteredEventDetails!.name!;
      open = { name, state: states[name], closed: 'no' };
    } else if (type.endsWith('StateExited')) open = undefined;
    else if (type === 'ParallelStateFailed' || type === 'MapStateFailed') {
      if (open) open.closed = 'failed';
    } else if (type.endsWith('StateAborted')) {
      if (open) open.closed = 'aborted';
    } else if (type === 'MapIterationSucceeded' || type === 'MapIterationFailed' || type === 'MapIterationAborted') ended = true;

    let after = event.id!;
    if (open && isFork(type, open.state)) {
      const roots = (w.children.get(event.id!) ?? []).filter((e) => !w.consumed.has(e.id!) && rootIndex(e, open!) !== undefined);
      const forked = new Map<number, HistoryThread>();
      for (const root of roots) {
        const index = rootIndex(root, open)!;
        const sub = walk(w, root, subScope(open.state, index), open.state.Type === 'Map' ? open.name : undefined);
        forked.set(index, sub);
        if (sub.maxId > after) after = sub.maxId;
      }
      thread.forks.set(event.id!, forked);
      if (after > thread.maxId) thread.maxId = after;
    }
    const state = { open, ended };
    // A first attempt's first state follows event 0, as `ExecutionStarted` does (recorded).
    const candidates =
      event === first && type === 'ExecutionStarted'
        ? [...(w.children.get(after) ?? []), ...(w.children.get(0) ?? [])]
        : (w.children.get(after) ?? []);
    current = candidates.find((e) => !w.consumed.has(e.id!) && continues(e, states, iterationOf, state));
  }
  return thread;
}

/** A `ParallelStateStarted` / inline `MapStateStarted` starts threads. */
function isFork(type: string, state: State | undefined): boolean {
  if (type === 'ParallelStateStarted') return state?.Type === 'Parallel';
  if (type === 'MapStateStarted') return state?.Type === 'Map' && !isDistributedMap(state);
  return false;
}

/** The states a Parallel branch / Map iteration runs. */
export function subMachine(state: State, index: number): NestedStateMachine {
  return childMachines(state)[state.Type === 'Parallel' ? index : 0]!.machine;
}

function subScope(state: State, index: number): Scope {
  return subMachine(state, index).States;
}

/** Which branch / iteration an event right after a fork starts, if it starts one. */
function rootIndex(event: HistoryEvent, open: OpenState): number | undefined {
  if (open.state.Type === 'Parallel') {
    const name = event.type?.endsWith('StateEntered') ? event.stateEnteredEventDetails?.name : undefined;
    if (name === undefined) return undefined;
    const index = open.state.Branches.findIndex((branch) => Object.prototype.hasOwnProperty.call(branch.States, name));
    return index >= 0 ? index : undefined;
  }
  const details = event.type === 'MapIterationStarted' ? event.mapIterationStartedEventDetails : undefined;
  return details?.name === open.name ? details.index : undefined;
}

/** The event types that belong to the open state of a given type. */
const FAMILY: Record<string, string> = {
  ParallelStateStarted: 'Parallel',
  ParallelStateSucceeded: 'Parallel',
  ParallelStateFailed: 'Parallel',
  ParallelStateAborted: 'Parallel',
  MapStateStarted: 'Map',
  MapStateSucceeded: 'Map',
  MapStateFailed: 'Map',
  MapStateAborted: 'Map',
  MapRunStarted: 'Map',
  MapRunRedriven: 'Map',
  MapRunSucceeded: 'Map',
  MapRunFailed: 'Map',
  MapRunAborted: 'Map',
  WaitStateAborted: 'Wait',
};

function familyOf(type: string): string | undefined {
  if (type.startsWith('Task') || type.startsWith('LambdaFunction') || type.startsWith('Activity')) return 'Task';
  return FAMILY[type];
}

/** Whether `event`, chained from this thread's last event, is this thread's next event (not a settle of an outer fork). */
function continues(
  event: HistoryEvent,
  states: Scope,
  iterationOf: string | undefined,
  thread: { open: OpenState | undefined; ended: boolean },
): boolean {
  if (thread.ended) return false;
  const type = event.type ?? '';
  const own = (name: string | undefined) => name !== undefined && Object.prototype.hasOwnProperty.call(states, name);
  if (type.endsWith('StateEntered')) return own(event.stateEnteredEventDetails?.name);
  if (type.endsWith('StateExited')) return own(event.stateExitedEventDetails?.name);
  if (type === 'EvaluationFailed') return own(event.evaluationFailedEventDetails?.state);
  if (type === 'MapIterationSucceeded') return event.mapIterationSucceededEventDetails?.name === iterationOf;
  if (type === 'MapIterationFailed') return event.mapIterationFailedEventDetails?.name === iterationOf;
  if (type === 'MapIterationAborted') return event.mapIterationAbortedEventDetails?.name === iterationOf;
  const open = thread.open;
  if (!open || familyOf(type) !== open.state?.Type) return false;
  if (open.closed === 'aborted') return false;
  if (open.closed === 'failed') return type === `${open.state.Type}StateAborted`;
  return true;
}
