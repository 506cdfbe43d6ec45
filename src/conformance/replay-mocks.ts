import type { Json } from '../asl/types';
import { jsonEqual } from '../interpreter/json/json-equal';
import { StatesError } from '../interpreter/errors';
import { neverAnswers, type TaskMocks } from '../interpreter/tasks/task-mocks';
import type { TaskResultRecord } from './cases';

/**
 * Replays a case's recorded task results as mocks, keyed by state name. When several results are
 * pending for one state (a Map, retries), the first whose recorded `parameters` equal the call's
 * input is used, else the first pending one. `TIMED_OUT` never answers, so the state's timeout fires.
 */
export function replayMocks(taskResults: TaskResultRecord[] | null): TaskMocks {
  const pending = new Map<string, TaskResultRecord[]>();
  for (const result of taskResults ?? []) {
    const queue = pending.get(result.state) ?? [];
    queue.push(result);
    pending.set(result.state, queue);
  }
  const mocks: TaskMocks = {};
  for (const [state, queue] of pending) {
    mocks[state] = (input) => {
      if (queue.length === 0) throw new StatesError('States.Runtime', `The recording has no further result for the Task state '${state}'.`);
      let index = queue.findIndex((r) => r.parameters !== undefined && jsonEqual(r.parameters, input));
      if (index < 0) index = 0;
      const [result] = queue.splice(index, 1);
      return answer(result);
    };
  }
  return mocks;
}

function answer(result: TaskResultRecord) {
  switch (result.outcome) {
    case 'SUCCEEDED':
      return result.output === undefined ? null : result.output;
    case 'TIMED_OUT':
      return neverAnswers();
    case 'FAILED': {
      const cause = causeText(result.cause);
      if (result.error === undefined && cause === undefined) throw new StatesError(null, null);
      throw new StatesError(result.error ?? null, cause);
    }
  }
}

function causeText(cause: Json | undefined): string | undefined {
  if (cause === undefined) return undefined;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}
