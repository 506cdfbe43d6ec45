import type { TestStateOutput } from '@aws-sdk/client-sfn';
import type { Catcher, Json, QueryLanguage, Retrier, State } from '../asl/types';
import type { Frame } from '../interpreter/engine/runtime';
import { VisitRecord } from '../interpreter/engine/state-visit';
import { errorMatches } from '../interpreter/error-handling/error-matching';
import { retryDelaySeconds } from '../interpreter/error-handling/retry-delay';
import type { StatesError } from '../interpreter/errors';
import { prepareJsonataCatcherFlow, prepareJsonPathCatcherFlow } from '../interpreter/state-io';
import type { Inspection } from './inspection';
import { TESTED_STATE_NAME } from './state-under-test';

export interface FailedAttempt {
  state: State;
  queryLanguage: QueryLanguage;
  input: Json;
  /** `stateConfiguration.retrierRetryCount`: retries already made by the retrier that matches. */
  retryCount: number;
  frame: Frame;
  seen: Inspection;
}

/**
 * TestState's answer to a state's error: the state's Retry and Catch decide as in an execution
 * (the first retrier whose ErrorEquals matches, while it has attempts left; else the first
 * matching catcher), but nothing is retried: a retry is reported as `RETRIABLE` with its index
 * and backoff, a catch as `CAUGHT_ERROR` with the catcher's output and `Next`; else `FAILED`.
 */
export async function handleStateError(error: StatesError, attempt: FailedAttempt): Promise<TestStateOutput> {
  const { state, seen } = attempt;
  const failure: TestStateOutput = {};
  if (error.error !== null) failure.error = error.error;
  if (error.cause !== undefined && error.cause !== null) failure.cause = error.cause;

  const retriers: Retrier[] = (state as { Retry?: Retrier[] }).Retry ?? [];
  const retryIndex = retriers.findIndex((r) => errorMatches(r.ErrorEquals, error.error));
  if (retryIndex >= 0 && attempt.retryCount < (retriers[retryIndex].MaxAttempts ?? 3)) {
    const backoff = retryDelaySeconds(retriers[retryIndex], attempt.retryCount, attempt.frame.runtime.random);
    // AWS reports whole seconds (`InspectionErrorDetails.retryBackoffIntervalSeconds` is an integer).
    seen.errorDetails = { retryBackoffIntervalSeconds: Math.round(backoff), retryIndex };
    return { ...failure, status: 'RETRIABLE' };
  }

  const catchers: Catcher[] = (state as { Catch?: Catcher[] }).Catch ?? [];
  const catchIndex = catchers.findIndex((c) => errorMatches(c.ErrorEquals, error.error));
  if (catchIndex < 0) return { ...failure, status: 'FAILED' };
  const catcher = catchers[catchIndex];
  seen.errorDetails = { catchIndex };
  const flow =
    attempt.queryLanguage === 'JSONata'
      ? prepareJsonataCatcherFlow(catcher.Output, catcher.Assign, `Catch[${catchIndex}]`)
      : prepareJsonPathCatcherFlow(catcher.ResultPath, catcher.Assign);
  const visit = new VisitRecord().begin(
    { name: TESTED_STATE_NAME, type: state.Type, queryLanguage: attempt.queryLanguage, next: undefined },
    attempt.input,
    0,
    attempt.frame.runtime.clock.now(),
  );
  const output = await flow.leave(attempt.input, error.toErrorOutput() as Json, attempt.frame, visit);
  return { ...failure, status: 'CAUGHT_ERROR', output: JSON.stringify(output), nextState: catcher.Next };
}
