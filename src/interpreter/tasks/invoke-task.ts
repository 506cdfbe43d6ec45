import type { Json } from '../../asl/types';
import { exceedsPayloadLimit } from '../json/json-size';
import { toJsonValue } from '../json/to-json-value';
import { StatesError, toStatesError } from '../errors';
import { markLocated } from '../error-handling/locate-error';
import { contextObject } from '../engine/context-object';
import type { Frame, StateVisit } from '../engine/runtime';
import { lambdaInvokeResponse } from './lambda-response';
import { TaskEvents } from './task-events';
import { isSyncJob } from '../jobs/sync-job';
import { answersAsWritten, isNeverAnswers, type TaskInvocation } from './task-mocks';
import type { TaskTarget } from './task-target';
import { callMock } from './call-mock';
import { missingMockHint } from './missing-mock-hint';
import { LIMITS } from '../../asl/limits';

export interface TaskCall {
  resource: TaskTarget;
  input: Json;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
  roleArn: string | undefined;
}

/**
 * One attempt of a Task: records the scheduling events, asks the dispatcher's mock for the
 * answer, and races it against the task's timeout/heartbeat on the execution's clock. Resolves to
 * the raw result; rejects with the task's StatesError (`States.Timeout` on expiry).
 */
export function invokeTask(call: TaskCall, frame: Frame, visit: StateVisit): Promise<Json> {
  const { runtime } = frame;
  const mock = runtime.tasks.resolve(visit.name, call.resource);
  // Callbacks, activities, `.sync` jobs and nested executions wait in the integration layer.
  const integrated = runtime.integrations?.invoke({ call, mock, frame, visit });
  if (integrated) return integrated;
  if (!mock) throw markLocated(noMockError(visit.name, call.resource, runtime.tasks.missingMockHint?.(visit.name, call.resource)));

  const events = new TaskEvents(frame, call.resource);
  recordScheduling(events, call, frame);
  events.started();

  const invocation = taskInvocation(call, frame, visit);
  const asWritten = answersAsWritten(mock);

  const answer = new Promise<Json>((resolve, reject) => {
    // The first of: the mock's answer, the timeout/heartbeat, an abort.
    let settled = false;
    const limitSeconds = Math.min(call.timeoutSeconds ?? LIMITS.maxSeconds, call.heartbeatSeconds ?? Number.POSITIVE_INFINITY);
    const timer = runtime.clock.setTimer(limitSeconds * 1000, () => {
      if (settled) return;
      settled = true;
      unsubscribe();
      // AWS reports a task timeout with an empty cause (recorded: `{"Error": "States.Timeout", "Cause": ""}`).
      events.timedOut('States.Timeout', '');
      reject(markLocated(new StatesError('States.Timeout', '')));
    });
    const unsubscribe = frame.abort.onAbort((reason) => {
      if (settled) return;
      settled = true;
      timer.cancel();
      reject(reason);
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      timer.cancel();
      unsubscribe();
      fn();
    };
    callMock(runtime.clock, mock, call.input, invocation).then(
        (value) => {
          if (isNeverAnswers(value)) return; // only the timer or an abort can end this attempt
          finish(() => {
            try {
              if (isSyncJob(value)) throw misusedSyncJob(visit.name, events);
              resolve(succeed(call, value, events, frame, visit, asWritten));
            } catch (error) {
              reject(error);
            }
          });
        },
        (thrown) =>
          finish(() => {
            const error = toStatesError(thrown);
            events.failed(error.error, error.cause);
            reject(markLocated(error));
          }),
      );
  });
  return answer;
}

/** Records the attempt's scheduling event (`TaskScheduled`, `ActivityScheduled`, `LambdaFunctionScheduled`). */
export function recordScheduling(events: TaskEvents, call: TaskCall, frame: Frame): void {
  events.scheduled({
    input: call.input,
    region: frame.runtime.region,
    timeoutSeconds: call.timeoutSeconds,
    heartbeatSeconds: call.heartbeatSeconds,
    roleArn: call.roleArn,
  });
}

/** What a mock is told about the attempt it answers (counts the state's invocations). */
export function taskInvocation(call: TaskCall, frame: Frame, visit: StateVisit): TaskInvocation {
  return {
    stateName: visit.name,
    resource: call.resource,
    input: call.input,
    context: contextObject(frame, visit),
    taskToken: visit.taskToken ?? '',
    invocationIndex: frame.runtime.tasks.nextInvocationIndex(visit.name),
    retryCount: visit.retryCount,
  };
}

function succeed(call: TaskCall, value: Json, events: TaskEvents, frame: Frame, visit: StateVisit, asWritten: boolean): Json {
  if (value === undefined) {
    // A mock that forgot to return: say so instead of carrying `undefined` (which JSON cannot hold).
    const error = new StatesError(
      'States.Runtime',
      `The mock of Task state '${visit.name}' returned undefined; return a JSON value (null for "nothing") or throw taskFailure(error, cause).`,
    );
    events.failed(error.error, error.cause);
    throw markLocated(error);
  }
  // Normalised as JSON serialisation would (NaN → null, undefined members dropped, ...); a BigInt,
  // a circular or too deeply nested value is a clear failure, not an internal error (issue 8).
  const json = toJsonValue(value, true);
  if ('problem' in json) {
    const error = new StatesError('States.Runtime', `The mock of Task state '${visit.name}' returned a value that is not JSON: ${json.problem}.`);
    events.failed(error.error, error.cause);
    throw markLocated(error);
  }
  value = json.value;
  const result =
    !asWritten && call.resource.kind === 'service' && call.resource.service === 'lambda' && call.resource.api === 'invoke'
      ? lambdaInvokeResponse(value, frame.runtime.random)
      : value;
  if (exceedsPayloadLimit(result)) {
    const error = new StatesError(
      'States.DataLimitExceeded',
      `The state/task '${visit.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
    events.failed(error.error, error.cause);
    throw markLocated(error);
  }
  events.succeeded(result);
  return result;
}

/** A mock returned `syncJob(...)` for a Task that is not `.sync`: a clear failure instead of a strange result. */
function misusedSyncJob(stateName: string, events: TaskEvents): StatesError {
  const error = new StatesError('States.Runtime', `The mock of Task state '${stateName}' returned syncJob(...), which only .sync Tasks take; return the result instead.`);
  events.failed(error.error, error.cause);
  return markLocated(error);
}

function noMockError(stateName: string, resource: TaskTarget, hint = missingMockHint(undefined, stateName, resource)): StatesError {
  return new StatesError('States.Runtime', `No mock answers the Task state '${stateName}' (Resource '${resource.arn}'). ${hint}`);
}
