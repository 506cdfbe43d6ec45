import type { Catcher, Json, QueryLanguage, Retrier } from '../../asl/types';
import { sleep } from '../clock/clock';
import { StatesError } from '../errors';
import { prepareJsonataCatcherFlow, prepareJsonPathCatcherFlow, type CatcherDataFlow } from '../state-io';
import { record, type Frame, type PreparedState, type StateVisit } from '../engine/runtime';
import type { HistoryEventType } from '../history/history-event';
import { errorMatches } from './error-matching';
import { locateError } from './locate-error';
import { retryDelaySeconds } from './retry-delay';

/** One attempt of a state's work, through its data flow; throws (or rejects with) a StatesError. */
export type Attempt = (raw: Json, frame: Frame, visit: StateVisit) => Json | Promise<Json>;

interface PreparedCatcher {
  errorEquals: string[];
  nextName: string;
  next: PreparedState | undefined;
  flow: CatcherDataFlow;
}

/** Retry and Catch as Task, Parallel and Map share them. */
export interface ErrorHandling {
  /** Runs `attempt`, retrying and catching as the state's `Retry`/`Catch` say. */
  run(attempt: Attempt, raw: Json, frame: Frame, visit: StateVisit): Json | Promise<Json>;
  /** Resolves catcher `Next` names once all states of the machine are prepared. */
  link(states: Map<string, PreparedState>): void;
}

/**
 * Prepares a state's `Retry` and `Catch`. Each retrier has its own counter for the visit; the
 * first retrier whose `ErrorEquals` matches decides (no later one is consulted); when it is
 * exhausted or none matches, the first matching catcher sets the output and the transition.
 */
export function prepareErrorHandling(
  retriers: Retrier[] | undefined,
  catchers: Catcher[] | undefined,
  queryLanguage: QueryLanguage,
  /** Recorded before a catcher takes over (a caught Map still records `MapStateFailed`, as AWS does). */
  caughtEvent?: HistoryEventType,
): ErrorHandling {
  const retry = retriers ?? [];
  const prepared: PreparedCatcher[] = (catchers ?? []).map((c, i) => ({
    errorEquals: c.ErrorEquals,
    nextName: c.Next,
    next: undefined,
    flow:
      queryLanguage === 'JSONata' ? prepareJsonataCatcherFlow(c.Output, c.Assign, `Catch[${i}]`) : prepareJsonPathCatcherFlow(c.ResultPath, c.Assign),
  }));

  return {
    link(states) {
      for (const catcher of prepared) catcher.next = states.get(catcher.nextName);
    },
    run(attempt, raw, frame, visit) {
      if (retry.length === 0 && prepared.length === 0) return attempt(raw, frame, visit);
      const counters = retry.length > 0 ? new Array<number>(retry.length).fill(0) : [];

      const onError = (thrown: unknown): Json | Promise<Json> => {
        if (!(thrown instanceof StatesError)) throw thrown;
        const error = locateError(thrown, visit);
        const index = retry.findIndex((r) => errorMatches(r.ErrorEquals, error.error));
        if (index >= 0 && counters[index] < (retry[index].MaxAttempts ?? 3)) {
          const delay = retryDelaySeconds(retry[index], counters[index], frame.runtime.random);
          counters[index]++;
          visit.retryCount++;
          const { done, timer } = sleep(frame.runtime.clock, delay * 1000);
          return frame.abort.race(done, () => timer.cancel()).then(tryOnce);
        }
        const catcher = prepared.find((c) => errorMatches(c.errorEquals, error.error));
        if (!catcher) throw error;
        if (caughtEvent) record(frame, caughtEvent);
        visit.next = catcher.next;
        visit.assigned = undefined;
        return catcher.flow.leave(raw, error.toErrorOutput() as Json, frame, visit);
      };

      const tryOnce = (): Json | Promise<Json> => {
        let result: Json | Promise<Json>;
        try {
          result = attempt(raw, frame, visit);
        } catch (thrown) {
          return onError(thrown);
        }
        return result instanceof Promise ? result.then(undefined, onError) : result;
      };
      return tryOnce();
    },
  };
}
