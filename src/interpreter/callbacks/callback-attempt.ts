import type { Json } from '../../asl/types';
import { toStatesError } from '../errors';
import { startChild } from '../nested/nested-start';
import type { NestedMachine } from '../nested/state-machine-registry';
import { recordScheduling } from '../tasks/invoke-task';
import { TaskEvents } from '../tasks/task-events';
import type { TaskAttempt } from '../tasks/task-integrations';
import type { CallbackRegistry } from './callback-registry';
import { answerFromMock, openTokenWait, startWaiting } from './token-wait';

/**
 * A `.waitForTaskToken` attempt: the service call goes out (`TaskScheduled`, `TaskStarted`,
 * `TaskSubmitted`), then the state waits for its token to be answered. A mock answers as the
 * callback would (or returns `neverAnswers()` and lets someone call `sendTaskSuccess`); without a
 * mock, a registered child state machine is started for real, else the call is taken as sent.
 */
export function runCallbackAttempt(callbacks: CallbackRegistry, attempt: TaskAttempt, child: NestedMachine | undefined): Promise<Json> {
  const { call, frame, mock } = attempt;
  const events = new TaskEvents(frame, call.resource);
  recordScheduling(events, call, frame);
  events.started();
  const { wait, task } = openTokenWait(callbacks, attempt, events, 'callback');
  startWaiting(task, wait, call, frame.runtime.clock.now());
  if (mock) answerFromMock(wait, mock, attempt);
  else if (child) {
    try {
      startChild(child, call, frame);
    } catch (thrown) {
      wait.fail(toStatesError(thrown));
    }
  }
  return wait.promise;
}
