import type { Json } from '../../asl/types';
import type { CallbackRegistry } from '../callbacks/callback-registry';
import { toStatesError } from '../errors';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import { isNeverAnswers } from '../tasks/task-mocks';
import { callMock } from '../tasks/call-mock';
import type { Clock } from '../clock/clock';
import { taskTarget } from '../tasks/task-target';

/**
 * After a resume, answers the execution's task tokens that were still waiting (a callback, or an
 * activity task a worker had taken) with the mocks given at resume, as the callback or the
 * worker would: the mock's value is sent with SendTaskSuccess, a thrown error with
 * SendTaskFailure. The mock sees the task's input; its context object is not rebuilt (`{}`).
 * Tokens in `mockedTokens` are skipped: their attempt's mock already answered (the snapshot's
 * recording, e.g. `neverAnswers()`), and a second call diverged from the uninterrupted run.
 */
export function answerPendingCallbacks(callbacks: CallbackRegistry, mocks: TaskDispatcher, executionArn: string, clock: Clock, mockedTokens: ReadonlySet<string> = new Set()): void {
  for (const task of callbacks.pending({ executionArn })) {
    if (task.status !== 'STARTED') continue;
    // A mock already answered this attempt (perhaps "never"): asking again would call it twice.
    if (mockedTokens.has(task.taskToken)) continue;
    const resource = taskTarget(task.resource);
    const mock = mocks.resolve(task.stateName, resource);
    if (!mock) continue;
    const invocation = {
      stateName: task.stateName,
      resource,
      input: task.input,
      context: {},
      taskToken: task.taskToken,
      invocationIndex: mocks.nextInvocationIndex(task.stateName),
      retryCount: task.retryCount,
    };
    callMock(clock, mock, task.input, invocation).then(
        (value) => {
          if (!isNeverAnswers(value) && callbacks.get(task.taskToken)) callbacks.sendTaskSuccess(task.taskToken, JSON.stringify((value ?? null) as Json));
        },
        (thrown) => {
          const error = toStatesError(thrown);
          if (callbacks.get(task.taskToken)) callbacks.sendTaskFailure(task.taskToken, error.error ?? undefined, error.cause ?? undefined);
        },
      );
  }
}
