import type { HistoryEvent } from '../interpreter/index';

/**
 * What the matchers read from a finished execution. Both a {@link TestRun} from `run(...)` and a
 * finished interpreter `Execution` (with its awaited result) provide it, so the matchers are
 * plain functions of recorded history: no test-runner state.
 */
export interface ExecutionFacts {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'RUNNING' | (string & {});
  output?: unknown;
  error?: string;
  cause?: string;
  /** The execution history in AWS's format (oldest first). */
  history: readonly HistoryEvent[];
}

/**
 * The names of the states the execution entered, in order (a state entered twice, in a loop or a
 * Map iteration, appears twice).
 *
 * @example
 * visitedStates(execution); // ['Charge', 'Big order?', 'Review', 'Ship']
 */
export function visitedStates(facts: Pick<ExecutionFacts, 'history'>): string[] {
  return facts.history.flatMap((event) =>
    event.type?.endsWith('StateEntered') && event.stateEnteredEventDetails?.name ? [event.stateEnteredEventDetails.name] : [],
  );
}

// Events that start one call of a task's resource; a retry is a new call.
const CALL_EVENTS = new Set(['TaskScheduled', 'ActivityScheduled', 'LambdaFunctionScheduled']);

/**
 * How many times each Task state called its resource (retries count), keyed by state name. A call
 * event belongs to the state whose `…StateEntered` event its `previousEventId` chain leads to,
 * which keeps parallel branches apart.
 *
 * @example
 * taskCalls(execution).get('Charge'); // 2 after one retry
 */
export function taskCalls(facts: Pick<ExecutionFacts, 'history'>): Map<string, number> {
  const byId = new Map<number, HistoryEvent>();
  for (const event of facts.history) if (event.id !== undefined) byId.set(event.id, event);
  const calls = new Map<string, number>();
  for (const event of facts.history) {
    if (!event.type || !CALL_EVENTS.has(event.type)) continue;
    const state = enteringState(event, byId);
    if (state !== undefined) calls.set(state, (calls.get(state) ?? 0) + 1);
  }
  return calls;
}

function enteringState(event: HistoryEvent, byId: ReadonlyMap<number, HistoryEvent>): string | undefined {
  let current: HistoryEvent | undefined = event;
  // A chain without cycles visits each event at most once; the bound only stops a malformed one.
  for (let steps = 0; current && steps <= byId.size; steps++) {
    if (current.type?.endsWith('StateEntered')) return current.stateEnteredEventDetails?.name;
    current = current.previousEventId === undefined ? undefined : byId.get(current.previousEventId);
  }
  return undefined;
}
